package dev.kizuna.sample;

// README: sample-generate BEGIN
import dev.kizuna.core.Portfolio;
import dev.kizuna.sample.DemoPortfolio;
// README: sample-generate END
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cs-sample README's snippet, run as written. */
class SampleReadmeSnippetTest {

    @Test
    void theSnippetGeneratesTheDemoAndABigSubscriptionsOnlyBook() {
        // README: sample-generate BEGIN
        Portfolio demo = DemoPortfolio.generate();                                    // 2,000 accounts, 36 months
        Portfolio big = DemoPortfolio.builder().accounts(100_000).subscriptionsOnly().build();
        // README: sample-generate END
        assertEquals(2_000, demo.accounts().size());
        assertEquals(100_000, big.accounts().size());
        assertTrue(big.signals().isEmpty() && !big.subscriptionEvents().isEmpty(), "subscriptions only");
    }
}
