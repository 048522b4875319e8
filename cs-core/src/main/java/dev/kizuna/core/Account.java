package dev.kizuna.core;

import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.JourneyStage;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A customer account: who it is, how it is served, how it pays, and where it stands in its journey.
 *
 * <p>Build one with {@link #builder(AccountId, String)}; most parts are optional. An account has no contract when
 * the customer is non-contractual (repeat purchases with nothing to cancel), no parent when it is a top-level
 * account, and no owner when it is not yet assigned. Its current {@link JourneyStage} is derived from its
 * {@link JourneyHistory}.
 *
 * <p>Tags and attributes are kept sorted, so equal accounts serialise to identical JSON.
 *
 * @param id         the host's id of the account
 * @param name       the customer's display name
 * @param segment    the segment the account is served in
 * @param tier       the tier within that segment
 * @param owner      the account's owner (usually its CSM), if assigned
 * @param parent     the parent account, for a child account of a larger customer
 * @param currency   the currency the account is billed in
 * @param contract   the current contract, or empty for a non-contractual customer
 * @param journey    the account's journey history
 * @param tags       free-form labels, sorted
 * @param attributes free-form host attributes, sorted by key; each value any text of at most 10,000 characters
 */
public record Account(
        AccountId id,
        String name,
        Segment segment,
        Tier tier,
        Optional<Owner> owner,
        Optional<AccountId> parent,
        Currency currency,
        Optional<Contract> contract,
        JourneyHistory journey,
        SortedSet<String> tags,
        SortedMap<String, String> attributes) {

    /** Validates every part and copies the collections. */
    public Account {
        Objects.requireNonNull(id, "id");
        Checks.nonBlank(name, "name");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(attributes, "attributes");
        if (parent.isPresent() && parent.get().equals(id)) {
            throw new IllegalArgumentException("parent: " + id + " must not be the account itself");
        }
        TreeSet<String> tagCopy = new TreeSet<>();
        for (String tag : tags) {
            tagCopy.add(Checks.identifier(tag, "tags[]"));
        }
        TreeMap<String, String> attributeCopy = new TreeMap<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String key = Checks.identifier(e.getKey(), "attributes key");
            attributeCopy.put(key, Checks.text(Objects.requireNonNull(e.getValue(), "attributes." + key),
                    "attributes." + key));
        }
        tags = Collections.unmodifiableSortedSet(tagCopy);
        attributes = Collections.unmodifiableSortedMap(attributeCopy);
    }

    /**
     * Returns a builder for an account with the given id and name. Segment, tier, currency and journey must be set
     * before {@link Builder#build()}.
     */
    public static Builder builder(AccountId id, String name) {
        return new Builder(id, name);
    }

    /** Returns the account's current journey stage, derived from its history. */
    public JourneyStage stage() {
        return journey.currentStage();
    }

    /** Returns whether the account is contractual, that is has a contract. */
    public boolean isContractual() {
        return contract.isPresent();
    }

    /** Returns a builder that starts from this account, for changing some parts. */
    public Builder toBuilder() {
        Builder b = new Builder(id, name).segment(segment).tier(tier).currency(currency).journey(journey);
        owner.ifPresent(b::owner);
        parent.ifPresent(b::parent);
        contract.ifPresent(b::contract);
        b.tags.addAll(tags);
        b.attributes.putAll(attributes);
        return b;
    }

    /** Builds an {@link Account}. Not thread-safe; the account it builds is. */
    public static final class Builder {
        private final AccountId id;
        private final String name;
        private @Nullable Segment segment;
        private @Nullable Tier tier;
        private @Nullable Owner owner;
        private @Nullable AccountId parent;
        private @Nullable Currency currency;
        private @Nullable Contract contract;
        private @Nullable JourneyHistory journey;
        private final TreeSet<String> tags = new TreeSet<>();
        private final TreeMap<String, String> attributes = new TreeMap<>();

        private Builder(AccountId id, String name) {
            this.id = Objects.requireNonNull(id, "id");
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Sets the segment (required). */
        public Builder segment(Segment segment) {
            this.segment = Objects.requireNonNull(segment, "segment");
            return this;
        }

        /** Sets the tier (required). */
        public Builder tier(Tier tier) {
            this.tier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /** Sets the owner. */
        public Builder owner(Owner owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        /** Sets the parent account. */
        public Builder parent(AccountId parent) {
            this.parent = Objects.requireNonNull(parent, "parent");
            return this;
        }

        /** Sets the billing currency (required). */
        public Builder currency(Currency currency) {
            this.currency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /** Sets the billing currency from its ISO 4217 code (required). */
        public Builder currency(String currencyCode) {
            return currency(Money.currency(currencyCode));
        }

        /** Sets the contract; leave it unset for a non-contractual customer. */
        public Builder contract(Contract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        /** Sets the journey history (required, or use {@link #stage}). */
        public Builder journey(JourneyHistory journey) {
            this.journey = Objects.requireNonNull(journey, "journey");
            return this;
        }

        /** Sets a journey history of one entry: the account entered {@code stage} at {@code since}. */
        public Builder stage(JourneyStage stage, Instant since) {
            return journey(JourneyHistory.startingAt(stage, since));
        }

        /** Adds a tag. */
        public Builder tag(String tag) {
            tags.add(Checks.identifier(tag, "tags[]"));
            return this;
        }

        /** Sets an attribute, replacing any earlier value of the key. */
        public Builder attribute(String key, String value) {
            String checked = Checks.identifier(key, "attributes key");
            attributes.put(checked, Checks.text(Objects.requireNonNull(value, "attributes." + key), "attributes." + key));
            return this;
        }

        /**
         * Builds the account.
         *
         * @throws IllegalArgumentException naming the first missing or invalid part
         */
        public Account build() {
            return new Account(id, name,
                    require(segment, "segment"),
                    require(tier, "tier"),
                    Optional.ofNullable(owner),
                    Optional.ofNullable(parent),
                    require(currency, "currency"),
                    Optional.ofNullable(contract),
                    require(journey, "journey"),
                    tags, attributes);
        }

        private <T> T require(@Nullable T value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + ": is required to build account " + id);
            }
            return value;
        }
    }
}
