package dev.kizuna.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * Binds {@link JsonCodec}s to a Jackson module: the value is read into a {@link StrictTree} and then by the codec,
 * and a {@link JsonInputException} becomes a {@link MismatchedInputException} with the same message (and the codec's
 * error as its cause). A JSON {@code null} where a value is expected is an error, never a Java {@code null}.
 * Internal to Kizuna.
 */
public final class JsonCodecs {
    private JsonCodecs() {
    }

    /** Adds a serialiser and a deserialiser of {@code type} to {@code module}, both through {@code codec}. */
    public static <T> void add(SimpleModule module, Class<T> type, JsonCodec<T> codec) {
        module.addSerializer(type, new CodecSerializer<>(type, codec));
        module.addDeserializer(type, new CodecDeserializer<>(type, codec));
    }

    private static final class CodecSerializer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient JsonCodec<T> codec;

        CodecSerializer(Class<T> type, JsonCodec<T> codec) {
            super(type);
            this.codec = codec;
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            codec.write(value, out);
        }
    }

    private static final class CodecDeserializer<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient JsonCodec<T> codec;

        CodecDeserializer(Class<T> type, JsonCodec<T> codec) {
            super(type);
            this.codec = codec;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                JsonNode tree = StrictTree.read(p);
                return codec.read(JsonIn.root(tree));
            } catch (JsonInputException e) {
                MismatchedInputException failure = MismatchedInputException.from(p, handledType(), e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws MismatchedInputException {
            JsonInputException problem = new JsonInputException("$", "expected a value but found null");
            MismatchedInputException failure = MismatchedInputException.from(ctxt.getParser(), handledType(),
                    problem.getMessage());
            failure.initCause(problem);
            throw failure;
        }
    }
}
