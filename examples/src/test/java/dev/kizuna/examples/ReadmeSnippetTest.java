package dev.kizuna.examples;

// README: core-account-and-plans BEGIN
import dev.kizuna.core.*;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
// README: core-account-and-plans END
// README: core-json BEGIN
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Account;
import dev.kizuna.core.json.KizunaModule;
// README: core-json END
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** cs-core/README.md's snippets, run as written. */
class ReadmeSnippetTest {

    @Test
    void readmeSnippetsBuildAnAccountAndSuccessPlansAndRoundTripTheAccount() throws Exception {
        // README: core-account-and-plans BEGIN
        Account acme = Account.builder(AccountId.of("acme"), "Acme Corp")
                .segment(Segment.of("enterprise"))
                .tier(Tier.of("strategic", 1))
                .owner(Owner.of("csm-7", "Jo Park"))
                .currency("EUR")
                .contract(Contract.starting(LocalDate.of(2025, 1, 1), Period.ofYears(1)))
                .stage(JourneyStage.CONVERSION, Instant.parse("2025-01-01T09:00:00Z"))
                .tag("reference-customer")
                .build();

        // A plan from a ready template: goals and milestones with due dates counted from the start date.
        SuccessPlan plan = PlanTemplate.enterpriseOnboarding()
                .instantiate("plan-acme", acme, LocalDate.of(2025, 1, 1));

        // Or one written by hand.
        SuccessPlan custom = SuccessPlan.builder("plan-acme-2", acme.id())
                .goal(SmartGoal.of("Activate seats", "licence_utilisation", 0.0, 0.8,
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1)).withCurrent(0.55))
                .milestone(Milestone.of("Kickoff", MilestoneKind.KICKOFF, LocalDate.of(2025, 1, 15),
                        CsRole.CUSTOMER_SUCCESS_MANAGER).completed(LocalDate.of(2025, 1, 14)))
                .assign(CsRole.CUSTOMER_SUCCESS_MANAGER, Owner.of("csm-7", "Jo Park"))
                .build();

        PlanStatus status = custom.status(LocalDate.of(2025, 3, 1)); // ON_TRACK, AT_RISK or OFF_TRACK
        // README: core-account-and-plans END

        assertEquals(PlanStatus.ON_TRACK, status);
        assertEquals(LocalDate.of(2025, 1, 15), plan.milestone("Kickoff").orElseThrow().dueDate());
        assertEquals(Owner.of("csm-7", "Jo Park"), acme.owner().orElseThrow());

        // README: core-json BEGIN
        ObjectMapper mapper = new ObjectMapper().registerModule(new KizunaModule());
        String json = mapper.writeValueAsString(acme);
        Account back = mapper.readValue(json, Account.class);
        // README: core-json END

        assertEquals(acme, back);
        assertEquals(json, mapper.writeValueAsString(back));
    }
}
