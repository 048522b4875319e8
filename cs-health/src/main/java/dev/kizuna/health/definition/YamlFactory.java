package dev.kizuna.health.definition;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.io.Writer;

/**
 * Jackson's YAML factory, whose generator writes every string holding a line break or a character that is not
 * printable in double quotes, with escapes. Jackson would write a string with a line break as a literal block, in
 * which YAML turns a carriage return, a next-line (U+0085) or a line separator into a plain line feed, so the string
 * would not read back as itself.
 */
final class YamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    YamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLGenerator _createGenerator(Writer out, IOContext context) throws IOException {
        return new Generator(context, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out,
                _version);
    }

    /** Returns whether {@code text} holds a character that only an escape in double quotes keeps exactly. */
    static boolean needsEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || c >= '\uFFFE') {
                return true;
            }
        }
        return false;
    }

    private static final class Generator extends YAMLGenerator {
        Generator(IOContext context, int features, int yamlFeatures, StringQuotingChecker quoting,
                  com.fasterxml.jackson.core.ObjectCodec codec, Writer out, DumperOptions.Version version)
                throws IOException {
            super(context, features, yamlFeatures, quoting, codec, out, version);
        }

        @Override
        public void writeString(String text) throws IOException {
            if (text != null && needsEscapes(text)) {
                _verifyValueWrite("write String value");
                _writeScalar(text, "string", DumperOptions.ScalarStyle.DOUBLE_QUOTED);
                return;
            }
            super.writeString(text);
        }
    }
}
