package dev.kizuna.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.json.KizunaModule;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.plan.Milestone;
import dev.kizuna.core.plan.MilestoneKind;
import dev.kizuna.core.plan.PlanStatus;
import dev.kizuna.core.plan.PlanTemplate;
import dev.kizuna.core.plan.SmartGoal;
import dev.kizuna.core.plan.SuccessPlan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** cs-core/README.md's "Using cs-core" snippet, kept compiling and true. */
class ReadmeSnippetTest {

    @Test
    void readmeSnippetBuildsAnAccountAndSuccessPlans() throws Exception {
        Account acme = Account.builder(AccountId.of("acme"), "Acme Corp")
                .segment(Segment.of("enterprise"))
                .tier(Tier.of("strategic", 1))
                .owner(Owner.of("csm-7", "Jo Park"))
                .currency("EUR")
                .contract(Contract.starting(LocalDate.of(2025, 1, 1), Period.ofYears(1)))
                .stage(JourneyStage.CONVERSION, Instant.parse("2025-01-01T09:00:00Z"))
                .tag("reference-customer")
                .build();

        SuccessPlan plan = PlanTemplate.enterpriseOnboarding()
                .instantiate("plan-acme", acme, LocalDate.of(2025, 1, 1));

        SuccessPlan custom = SuccessPlan.builder("plan-acme-2", acme.id())
                .goal(SmartGoal.of("Activate seats", "licence_utilisation", 0.0, 0.8,
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1)).withCurrent(0.55))
                .milestone(Milestone.of("Kickoff", MilestoneKind.KICKOFF, LocalDate.of(2025, 1, 15),
                        CsRole.CUSTOMER_SUCCESS_MANAGER).completed(LocalDate.of(2025, 1, 14)))
                .assign(CsRole.CUSTOMER_SUCCESS_MANAGER, Owner.of("csm-7", "Jo Park"))
                .build();

        PlanStatus status = custom.status(LocalDate.of(2025, 3, 1));
        assertEquals(PlanStatus.ON_TRACK, status);
        assertEquals(LocalDate.of(2025, 1, 15), plan.milestone("Kickoff").orElseThrow().dueDate());

        ObjectMapper mapper = new ObjectMapper().registerModule(new KizunaModule());
        String json = mapper.writeValueAsString(acme);
        assertEquals(acme, mapper.readValue(json, Account.class));
    }
}
