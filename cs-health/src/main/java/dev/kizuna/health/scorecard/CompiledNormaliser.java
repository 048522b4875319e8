package dev.kizuna.health.scorecard;

import dev.kizuna.health.BandLever.Target;

import java.util.Optional;

/**
 * A normaliser prepared for repeated evaluation, with exactly the results of the {@link Normaliser} it was compiled
 * from. A logarithmic scale computes the logarithms of its bounds once here, instead of on every call; the other
 * normalisers are cheap already and are called as they are. Immutable and thread-safe.
 */
abstract class CompiledNormaliser {

    CompiledNormaliser() {
    }

    /** Returns the compiled form of {@code normaliser}. */
    public static CompiledNormaliser of(Normaliser normaliser) {
        if (normaliser instanceof Normaliser.Logarithmic) {
            Normaliser.Logarithmic log = (Normaliser.Logarithmic) normaliser;
            return new Logarithmic(Math.log1p(log.from()), Math.log1p(log.to()), log.to() > log.from());
        }
        if (normaliser instanceof Normaliser.Inverted) {
            CompiledNormaliser of = of(((Normaliser.Inverted) normaliser).of());
            return of instanceof AsDefined ? new AsDefined(normaliser) : new Inverted(of);
        }
        return new AsDefined(normaliser);
    }

    /** Returns the sub-score of {@code raw}; see {@link Normaliser#score}. */
    public abstract double score(double raw);

    /** See {@link Normaliser#atLeast}. */
    public abstract Optional<Target> atLeast(double subscore, double current);

    /** See {@link Normaliser#atMost}. */
    public abstract Optional<Target> atMost(double subscore, double current);

    private static final class AsDefined extends CompiledNormaliser {
        private final Normaliser normaliser;

        AsDefined(Normaliser normaliser) {
            this.normaliser = normaliser;
        }

        @Override
        public double score(double raw) {
            return normaliser.score(raw);
        }

        @Override
        public Optional<Target> atLeast(double subscore, double current) {
            return normaliser.atLeast(subscore, current);
        }

        @Override
        public Optional<Target> atMost(double subscore, double current) {
            return normaliser.atMost(subscore, current);
        }
    }

    private static final class Logarithmic extends CompiledNormaliser {
        private final double low;
        private final double high;
        private final boolean rising;

        Logarithmic(double low, double high, boolean rising) {
            this.low = low;
            this.high = high;
            this.rising = rising;
        }

        @Override
        public double score(double raw) {
            return LogScale.score(raw, low, high);
        }

        @Override
        public Optional<Target> atLeast(double subscore, double current) {
            return LogScale.atLeast(subscore, current, low, high, rising);
        }

        @Override
        public Optional<Target> atMost(double subscore, double current) {
            return LogScale.atMost(subscore, current, low, high, rising);
        }
    }

    /** {@code Normaliser.Inverted} over a compiled normaliser: the same three lines, on the faster inner form. */
    private static final class Inverted extends CompiledNormaliser {
        private final CompiledNormaliser of;

        Inverted(CompiledNormaliser of) {
            this.of = of;
        }

        @Override
        public double score(double raw) {
            return 100.0 - of.score(raw);
        }

        @Override
        public Optional<Target> atLeast(double subscore, double current) {
            return of.atMost(100.0 - subscore, current);
        }

        @Override
        public Optional<Target> atMost(double subscore, double current) {
            return of.atLeast(100.0 - subscore, current);
        }
    }
}
