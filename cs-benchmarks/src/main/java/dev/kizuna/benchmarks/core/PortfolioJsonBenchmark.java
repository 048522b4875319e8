package dev.kizuna.benchmarks.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Account;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.sample.DemoPortfolio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Building a portfolio of accounts and moving it through JSON with {@link dev.kizuna.core.json.KizunaModule}:
 * what a host pays to load its book of business into Kizuna. {@code size} is the number of accounts.
 *
 * <p>The reference point in the same run is {@link #readTreeOnly()}: Jackson parsing the same bytes into a tree
 * without building any Kizuna value, the floor that strict, validated reading sits on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PortfolioJsonBenchmark {
    private static final TypeReference<List<Account>> ACCOUNTS = new TypeReference<>() {
    };

    @Param("2000")
    public int size;

    private ObjectMapper mapper;
    private List<Account> accounts;
    private byte[] json;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        mapper = KizunaJson.newObjectMapper();
        Portfolio portfolio = DemoPortfolio.builder().accounts(size).build();
        accounts = portfolio.accounts();
        json = mapper.writeValueAsBytes(accounts);
    }

    /** Generates the portfolio: accounts with journeys and contracts, and 36 months of subscription events. */
    @Benchmark
    public Portfolio generatePortfolio() {
        return DemoPortfolio.builder().accounts(size).build();
    }

    /** Serialises every account. */
    @Benchmark
    public byte[] writeAccounts() throws IOException {
        return mapper.writeValueAsBytes(accounts);
    }

    /** Parses and validates every account. */
    @Benchmark
    public List<Account> readAccounts() throws IOException {
        return mapper.readValue(json, ACCOUNTS);
    }

    /** The reference: parsing the same bytes into a Jackson tree, without building any Kizuna value. */
    @Benchmark
    public Object readTreeOnly() throws IOException {
        return mapper.readTree(json);
    }
}
