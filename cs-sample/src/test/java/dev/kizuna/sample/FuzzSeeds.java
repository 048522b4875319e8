package dev.kizuna.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.json.KizunaJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the seed inputs of cs-core's {@code dev.kizuna.core.json.KizunaJsonFuzzTest} from a small demo portfolio, the
 * JSON {@code kizuna demo --out} writes: a few elements of each kind, plus one document with a byte-order mark. It
 * lives here because cs-core cannot depend on the generator. Run it from the project root when the JSON form changes
 * (the README of cs-sample has the command); it writes into cs-core's test resources unless an argument names another
 * directory. Findings the fuzzer saved sit beside the seeds and are kept.
 */
final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "cs-core/src/test/resources/dev/kizuna/core/json/KizunaJsonFuzzTestInputs");
        ObjectMapper mapper = KizunaJson.newObjectMapper();
        Portfolio demo = DemoPortfolio.builder().seed(14).accounts(6).months(4).build();
        write(mapper, root.resolve("accounts"), demo.accounts());
        write(mapper, root.resolve("subscriptionEvents"), demo.subscriptionEvents());
        write(mapper, root.resolve("usageRecords"), demo.usage());
        write(mapper, root.resolve("surveyResponses"), demo.surveys());
        write(mapper, root.resolve("supportTickets"), demo.tickets());
        write(mapper, root.resolve("signalSnapshots"), demo.signals());
        write(mapper, root.resolve("successPlans"), demo.plans());
    }

    private static void write(ObjectMapper mapper, Path dir, List<?> all) throws IOException {
        Files.createDirectories(dir);
        List<?> few = all.subList(0, Math.min(3, all.size()));
        Files.write(dir.resolve("demo"), mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(few));
        Files.write(dir.resolve("demo-one"), mapper.writeValueAsBytes(few.subList(0, Math.min(1, few.size()))));
        byte[] body = mapper.writeValueAsBytes(few);
        byte[] marked = new byte[body.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(body, 0, marked, 3, body.length);
        Files.write(dir.resolve("demo-with-byte-order-mark"), marked);
        Files.write(dir.resolve("empty-array"), "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
