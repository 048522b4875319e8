package dev.kizuna.core.event;

import dev.kizuna.core.Money;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.RoundingMode;

class MrrProperties {

    @Provide
    Arbitrary<RecurringCharge> charges() {
        return EventArbitraries.charges();
    }

    @Property
    void mrrIsNeverNegative(@ForAll("charges") RecurringCharge charge) {
        if (charge.mrr().isNegative()) {
            throw new AssertionError("negative MRR " + charge.mrr() + " for " + charge);
        }
    }

    @Property
    void mrrIsAtMostTheUndiscountedMrr(@ForAll("charges") RecurringCharge charge) {
        Money gross = charge.unitPrice().times(charge.quantity());
        Money undiscounted = charge.interval().months() == 1 ? gross : Money.of(gross.amount()
                .divide(BigDecimal.valueOf(charge.interval().months()), RecurringCharge.MRR_SCALE, RoundingMode.HALF_EVEN),
                gross.currency());
        if (charge.mrr().compareTo(undiscounted) > 0) {
            throw new AssertionError("MRR " + charge.mrr() + " is above the undiscounted " + undiscounted + " for " + charge);
        }
    }

    @Property
    void aDiscountNeverRaisesMrr(@ForAll("charges") RecurringCharge charge) {
        RecurringCharge full = new RecurringCharge(charge.plan(), charge.unitPrice(), charge.quantity(),
                charge.interval(), Discount.none(), charge.trial());
        if (charge.mrr().compareTo(full.mrr()) > 0) {
            throw new AssertionError("MRR " + charge.mrr() + " is above the undiscounted " + full.mrr() + " for " + charge);
        }
    }

    @Property
    void annualisedMrrIsTheAmountPerPeriodWithinRounding(@ForAll("charges") RecurringCharge charge) {
        if (charge.trial()) {
            return;
        }
        BigDecimal back = charge.mrr().amount().multiply(BigDecimal.valueOf(charge.interval().months()));
        BigDecimal error = back.subtract(charge.amountPerPeriod().amount()).abs();
        BigDecimal tolerance = BigDecimal.valueOf(charge.interval().months()).movePointLeft(RecurringCharge.MRR_SCALE);
        if (error.compareTo(tolerance) > 0) {
            throw new AssertionError("MRR x months " + back + " is off by " + error + " for " + charge);
        }
    }
}
