package dev.kizuna.core.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;

/**
 * Makes a JSON {@code null} where a list, an array or a map is expected an error, as Kizuna's own codecs do for
 * their values: Jackson's own deserialisers return a Java {@code null} for a document that is just {@code null}.
 * Internal to Kizuna; {@code KizunaJson}'s mapper installs it.
 */
public final class NullRejecting extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    private NullRejecting(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    /** Returns the modifier that wraps every collection, array and map deserialiser of a mapper. */
    public static BeanDeserializerModifier modifier() {
        return new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription description,
                                                                    JsonDeserializer<?> deserializer) {
                return new NullRejecting(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                                                               BeanDescription description,
                                                               JsonDeserializer<?> deserializer) {
                return new NullRejecting(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                             BeanDescription description,
                                                             JsonDeserializer<?> deserializer) {
                return new NullRejecting(deserializer);
            }
        };
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
        return new NullRejecting(delegate);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws MismatchedInputException {
        JsonParser p = ctxt.getParser();
        JsonInputException problem = new JsonInputException("$", "expected a value but found null");
        MismatchedInputException failure = MismatchedInputException.from(p, handledType(), problem.getMessage());
        failure.initCause(problem);
        throw failure;
    }
}
