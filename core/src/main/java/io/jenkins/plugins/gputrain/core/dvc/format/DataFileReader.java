package io.jenkins.plugins.gputrain.core.dvc.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads metrics and params files as DVC does: the loader is chosen by the lower-cased suffix ({@code .json} JSON,
 * {@code .toml} TOML, {@code .py} Python literals, anything else YAML 1.2), the bytes must be UTF-8, and an empty or falsy document is an empty
 * mapping ({@code load(text) or {}}).
 */
public final class DataFileReader {
    /** Default limit for one file. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private static final int MAX_ALIASES = 50;

    private final JsonFactory json = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private final TomlMapper toml =
            TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();
    private final long maxBytes;

    /** A reader with the {@link #DEFAULT_MAX_BYTES} limit. */
    public DataFileReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * A reader refusing larger files.
     *
     * @param maxBytes the largest file read
     */
    public DataFileReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Reads one file.
     *
     * @param path the file's repository path, for the loader choice and messages
     * @param content its bytes
     * @return the parsed value; an empty dict for an empty or falsy document
     * @throws UnreadableFileException with DVC's error type when the file is too large, binary, not UTF-8 or
     *     malformed
     */
    public Value read(String path, byte[] content) throws UnreadableFileException {
        if (content.length > maxBytes) {
            throw new UnreadableFileException(
                    "FileTooLargeError",
                    "unable to read: '" + path + "', file is larger" + " than " + maxBytes + " bytes");
        }
        String text = decode(path, content);
        String suffix = suffix(path);
        Value value;
        if (suffix.equals(".json")) {
            value = readJson(path, text);
        } else if (suffix.equals(".toml")) {
            value = readToml(path, text);
        } else if (suffix.equals(".py")) {
            try {
                value = PythonParams.read(text);
            } catch (IllegalArgumentException e) {
                throw corrupted("Python", path);
            }
        } else {
            value = readYaml(path, text);
        }
        return value.isTruthy() ? value : Value.Dict.empty();
    }

    private static String suffix(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static String decode(String path, byte[] content) throws UnreadableFileException {
        for (byte b : content) {
            if (b == 0) {
                throw new UnreadableFileException("EncodingError", "'" + path + "' is a binary file, not text");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("EncodingError", "'" + path + "' is not valid utf-8");
        }
    }

    private Value readJson(String path, String text) throws UnreadableFileException {
        try (JsonParser parser = json.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw corrupted("JSON", path);
            }
            Value value = json(parser);
            if (parser.nextToken() != null) {
                throw corrupted("JSON", path);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw corrupted("JSON", path);
        } catch (IOException e) {
            throw corrupted("JSON", path);
        }
    }

    private static Value json(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Value> entries = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    parser.nextToken();
                    entries.put(key, json(parser));
                }
                return new Value.Dict(entries);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(json(parser));
                }
                return Value.Seq.list(items);
            }
            case VALUE_NUMBER_INT -> {
                return new Value.Int(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Value.Float(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return new Value.Bool(true);
            }
            case VALUE_FALSE -> {
                return new Value.Bool(false);
            }
            case VALUE_NULL -> {
                return Value.None.NONE;
            }
            default -> {
                return new Value.Str(parser.getText());
            }
        }
    }

    private Value readToml(String path, String text) throws UnreadableFileException {
        try {
            return fromNode(toml.readTree(text));
        } catch (IOException e) {
            throw corrupted("TOML", path);
        }
    }

    private static Value fromNode(JsonNode node) {
        if (node.isObject()) {
            Map<String, Value> entries = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> entries.put(e.getKey(), fromNode(e.getValue())));
            return new Value.Dict(entries);
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            node.forEach(item -> items.add(fromNode(item)));
            return Value.Seq.list(items);
        }
        if (node.isIntegralNumber()) {
            return new Value.Int(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return new Value.Float(node.doubleValue());
        }
        if (node.isBoolean()) {
            return new Value.Bool(node.booleanValue());
        }
        if (node.isNull()) {
            return Value.None.NONE;
        }
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof Temporal temporal) {
            return new Value.DateTime(temporal);
        }
        return new Value.Str(node.asText());
    }

    private Value readYaml(String path, String text) throws UnreadableFileException {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new RuamelYamlSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes))
                .setLabel(path)
                .build();
        try {
            Optional<Node> document = new Compose(settings).composeString(text);
            if (document.isPresent()) {
                YamlMergeKeys.apply(document.get());
            }
            return fromYaml(new StandardConstructor(settings).constructSingleDocument(document));
        } catch (YamlEngineException | YamlMergeKeys.MergeException | StackOverflowError e) {
            throw corrupted("YAML", path);
        }
    }

    /**
     * Converts what a YAML loader returns into a value.
     *
     * @param object maps, lists and scalars
     * @return the value
     */
    public static Value fromYaml(Object object) {
        if (object == null) {
            return Value.None.NONE;
        }
        if (object instanceof Value value) {
            return value;
        }
        if (object instanceof Map<?, ?> map) {
            Map<String, Value> entries = new LinkedHashMap<>();
            map.forEach((key, value) -> entries.put(
                    key instanceof String text ? text : fromYaml(key).str(), fromYaml(value)));
            return new Value.Dict(entries);
        }
        if (object instanceof List<?> list) {
            List<Value> items = new ArrayList<>();
            list.forEach(item -> items.add(fromYaml(item)));
            return Value.Seq.list(items);
        }
        if (object instanceof Boolean b) {
            return new Value.Bool(b);
        }
        if (object instanceof Integer || object instanceof Long || object instanceof BigInteger) {
            return new Value.Int(new BigInteger(object.toString()));
        }
        if (object instanceof Number n) {
            return new Value.Float(n.doubleValue());
        }
        return new Value.Str(String.valueOf(object));
    }

    private static UnreadableFileException corrupted(String format, String path) {
        return new UnreadableFileException(
                format + "FileCorruptedError",
                "unable to read: '" + path + "', " + format + " file structure is corrupted");
    }
}
