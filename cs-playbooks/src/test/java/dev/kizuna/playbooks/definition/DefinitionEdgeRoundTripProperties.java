package dev.kizuna.playbooks.definition;

import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.Action;
import dev.kizuna.playbooks.ActionKind;
import dev.kizuna.playbooks.Condition;
import dev.kizuna.playbooks.Generators;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.Rule;
import dev.kizuna.playbooks.RuleSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A written playbook reads back equal in JSON and YAML when its texts hold any valid Unicode (line breaks, quotes,
 * control characters, a next-line U+0085, characters outside the BMP) and its thresholds include -0.0 and the
 * edges of their range; custom signals keep their declared domains.
 */
class DefinitionEdgeRoundTripProperties {
    private static final PlaybookDefinitions DEFINITIONS = PlaybookDefinitions.standard();

    static Arbitrary<String> text() {
        Arbitrary<Integer> hard = Arbitraries.of(0x0, 0x7, 0x9, 0xA, 0xD, 0x1F, 0x20, 0x22, 0x23, 0x27, 0x2D, 0x3A,
                0x5C, 0x7B, 0x7F, 0x85, 0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0x1F600, 0x10FFFF, 0x3042);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
        return Arbitraries.frequencyOf(Tuple.of(3, hard), Tuple.of(2, any), Tuple.of(3, ascii)).list()
                .ofMinSize(1).ofMaxSize(12)
                .map(cps -> {
                    StringBuilder out = new StringBuilder();
                    cps.forEach(out::appendCodePoint);
                    return out.toString();
                })
                .filter(s -> !s.isBlank());
    }

    static Arbitrary<Double> threshold() {
        return Arbitraries.oneOf(Arbitraries.of(-0.0, 0.0, Double.MIN_VALUE, -1e-300, 1e15, -1e15, 0.1, 1.0 / 3,
                        999999999999999.9, 4.9e-324),
                Arbitraries.doubles().between(-1e15, 1e15));
    }

    @Provide
    Arbitrary<Playbook> playbooks() {
        SignalName custom = SignalName.of("custom.seats");
        Arbitrary<Condition> test = Combinators.combine(Arbitraries.of(SignalName.USAGE_ACTIVE_USERS, custom),
                        threshold(), threshold(), Arbitraries.integers().between(0, 4))
                .as((signal, a, b, op) -> switch (op) {
                    case 0 -> Condition.signal(signal).below(a);
                    case 1 -> Condition.signal(signal).atMost(a);
                    case 2 -> Condition.signalChange(signal, Duration.ofDays(30)).above(a);
                    case 3 -> Condition.healthScore().atLeast(a);
                    default -> Condition.daysToRenewal().between(Math.min(a, b), Math.max(a, b));
                });
        Arbitrary<Condition> categorical = text().map(t -> Condition.segment().is(t));
        Arbitrary<Action> action = Combinators.combine(Arbitraries.of(ActionKind.class), text())
                .as((kind, value) -> Action.of(kind, CsRole.CS_LEAD, "t").withParameter("note", value));
        Arbitrary<SignalDomain> domain = Arbitraries.of(SignalDomain.ANY, SignalDomain.COUNT, SignalDomain.FLAG,
                SignalDomain.between(-0.0, 1e15), new SignalDomain(-1e15, 7.5, true));
        return Combinators.combine(domain, Arbitraries.of(true, false)).as(Tuple::of).flatMap(declaration -> {
            SignalDomain seatsDomain = declaration.get2() ? declaration.get1() : SignalDomain.ANY;
            // Only tests that can hold: the readers reject the others (a count below -1, a flag at least 2).
            Arbitrary<Condition> readable = test.filter(c -> Generators.canHold(c,
                    s -> s.equals(custom) ? seatsDomain : s.domain()));
            return playbook(readable, categorical, action, custom, declaration.get1(), declaration.get2());
        });
    }

    private static Arbitrary<Playbook> playbook(Arbitrary<Condition> test, Arbitrary<Condition> categorical,
            Arbitrary<Action> action, SignalName custom, SignalDomain seats, boolean declare) {
        return Combinators.combine(test.list().ofMinSize(1).ofMaxSize(3), categorical, action, text(), text())
                .as((tests, segment, a, description, ruleDescription) -> {
                    Playbook.Builder b = Playbook.builder("p", Playbook.Archetype.RISK).description(description);
                    if (declare) {
                        b.signal(custom, seats);
                    }
                    b.rule(Rule.builder("r0").description(ruleDescription).when(Condition.all(tests)).action(a)
                            .build());
                    b.rule(Rule.builder("r1").when(segment).action(a).build());
                    return b.build();
                });
    }

    @Property(tries = 300)
    void aPlaybookReadsBackEqual(@ForAll("playbooks") Playbook playbook) {
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = DEFINITIONS.write(playbook, format);
            assertEquals(playbook, DEFINITIONS.readPlaybook(written, format), () -> format + ":\n" + written);
            RuleSet set = RuleSet.of(playbook);
            assertEquals(set, DEFINITIONS.readRuleSet(DEFINITIONS.write(set, format), format));
        }
        assertEquals(Map.copyOf(playbook.signals()), Map.copyOf(DEFINITIONS.readPlaybook(DEFINITIONS.write(playbook,
                DefinitionFormat.YAML), DefinitionFormat.YAML).signals()));
    }
}
