package io.jenkins.plugins.gputrain.core.dvc.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import io.jenkins.plugins.gputrain.core.dvc.value.DoubleText;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads metrics and params files as DVC does: the loader is chosen by the lower-cased suffix ({@code .json} JSON,
 * {@code .toml} TOML, {@code .py} Python literals, anything else YAML: 1.2, or 1.1 under a {@code %YAML 1.1} directive), the bytes must be UTF-8, and an empty or falsy document is an empty
 * mapping ({@code load(text) or {}}). Every format is read within the same {@link ReadLimits}.
 */
public final class DataFileReader {
    /** Default limit for one file. */
    public static final long DEFAULT_MAX_BYTES = ReadLimits.DEFAULT_MAX_BYTES;

    private static final int MAX_ALIASES = 50;

    private final ReadLimits limits;
    private final JsonFactory json;
    private final StreamReadConstraints tomlConstraints;
    private TomlMapper toml; // built on the first TOML file: its databind is 284 classes a JSON or YAML read skips

    /** A reader with the {@link ReadLimits#DEFAULT} limits. */
    public DataFileReader() {
        this(ReadLimits.DEFAULT);
    }

    /**
     * A reader refusing larger files, with the default depth and entry limits.
     *
     * @param maxBytes the largest file read
     */
    public DataFileReader(long maxBytes) {
        this(ReadLimits.ofMaxBytes(maxBytes));
    }

    /**
     * A reader within some limits.
     *
     * @param limits the bounds of every file read
     */
    public DataFileReader(ReadLimits limits) {
        this.limits = limits;
        // Jackson's own bounds step aside: strings and names are bounded by the file size as in YAML, and its
        // nesting bound lets the shared one decide (JSON is checked as it is converted, a level past Jackson's own
        // bound;
        // the TOML parser recurses per level and stops at the shared bound itself)
        int maxChars = (int) Math.min(Integer.MAX_VALUE, limits.maxBytes());
        StreamReadConstraints.Builder constraints =
                StreamReadConstraints.builder().maxStringLength(maxChars).maxNameLength(maxChars);
        this.json = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // FastDoubleParser: the same correctly rounded doubles as Double.parseDouble, in less time
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(
                        constraints.maxNestingDepth(limits.maxDepth() + 1).build())
                .build();
        this.tomlConstraints = constraints.maxNestingDepth(limits.maxDepth()).build();
    }

    private synchronized TomlMapper toml() {
        if (toml == null) {
            toml = TomlMapper.builder(TomlFactory.builder()
                            .streamReadConstraints(tomlConstraints)
                            .build())
                    .enable(TomlReadFeature.PARSE_JAVA_TIME)
                    .build();
        }
        return toml;
    }

    /** The bounds of every file this reader reads. */
    public ReadLimits limits() {
        return limits;
    }

    /**
     * Reads one file.
     *
     * @param path the file's repository path, for the loader choice and messages
     * @param content its bytes
     * @return the parsed value; an empty dict for an empty or falsy document
     * @throws UnreadableFileException with DVC's error type when the file is too large, binary, not UTF-8,
     *     malformed, or nested or sized beyond the {@link ReadLimits}
     */
    public Value read(String path, byte[] content) throws UnreadableFileException {
        checkSize(path, content);
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
                // DVC's message, and what Python said where (DVC keeps that only as the error's cause)
                throw new UnreadableFileException(
                        "PythonFileCorruptedError",
                        corrupted("Python", path).getMessage() + " (" + e.getMessage() + ")");
            } catch (PythonLiteral.Unhashable e) {
                throw new UnreadableFileException("TypeError", e.getMessage()); // DVC lets Python's error through
            }
        } else {
            value = readYaml(path, text);
        }
        return value.isTruthy() ? value : Value.Dict.empty();
    }

    /**
     * Streams a file's lists without building its tree: the top-level list, or every list that is a mapping's
     * value, depth first in file order (lists are not searched inside), each handed over one item at a time. JSON is
     * read token by token, YAML node by node and TOML line by line (only one item's tree in memory). The file is read
     * within the same {@link ReadLimits} and refused with the same errors as {@link #read}.
     *
     * @param path the file's repository path, for the loader choice and messages
     * @param content its bytes
     * @param lists what receives the lists
     * @throws UnreadableFileException as {@link #read}
     * @throws ReadWholeException when only {@link #read} reads the file as DVC does: a searched mapping repeats a
     *     key (the tree keeps only the last value, at the first key's place), YAML with anchors, merge keys or
     *     tagged collections on the way, a Python file, a TOML file beyond what {@link TomlListStream} reads (a
     *     multi-line string, a table entered again after a later one, a syntax error, too deep)
     */
    public void streamLists(String path, byte[] content, DataLists lists) throws UnreadableFileException {
        checkSize(path, content);
        String suffix = suffix(path);
        if (suffix.equals(".json")) {
            streamJson(path, content, lists);
        } else if (suffix.equals(".toml")) {
            streamToml(path, content, lists);
        } else if (suffix.equals(".py")) {
            throw new ReadWholeException();
        } else {
            streamYaml(path, content, lists);
        }
    }

    private void streamJson(String path, byte[] content, DataLists lists) throws UnreadableFileException {
        validate(path, content);
        // Jackson skips a byte order mark in bytes, which read() (and Python) refuse: such a file is parsed as text
        boolean bom = content.length >= 3
                && content[0] == (byte) 0xEF
                && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF;
        try (JsonParser parser = bom
                ? json.createParser(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))
                : json.createParser(content)) {
            if (parser.nextToken() == null) {
                throw corrupted("JSON", path);
            }
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                streamList(parser, 1, lists);
            } else if (parser.currentToken() == JsonToken.START_OBJECT) {
                streamMapping(parser, 1, lists);
            }
            if (parser.nextToken() != null) {
                throw corrupted("JSON", path);
            }
        } catch (LimitExceededException e) {
            throw beyond(e, "JSON", path);
        } catch (IOException e) {
            throw corrupted("JSON", path);
        }
    }

    private void streamMapping(JsonParser parser, int depth, DataLists lists) throws IOException {
        limits.checkDepth(depth);
        Set<String> keys = new HashSet<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            if (!keys.add(parser.currentName())) {
                throw new ReadWholeException();
            }
            limits.checkEntries(keys.size());
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY) {
                streamList(parser, depth + 1, lists);
            } else if (value == JsonToken.START_OBJECT) {
                streamMapping(parser, depth + 1, lists);
            }
        }
    }

    private void streamList(JsonParser parser, int depth, DataLists lists) throws IOException {
        limits.checkDepth(depth);
        lists.start();
        int size = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                lists.mapping(entries(parser, depth + 1));
            } else {
                lists.item(json(parser, depth + 1));
            }
            limits.checkEntries(++size);
        }
        lists.end(size);
    }

    /** Receives the lists {@link #streamLists} finds. */
    public interface DataLists {
        /** A list begins. */
        void start();

        /**
         * One item of the current list.
         *
         * @param item the item, read whole
         */
        void item(Value item);

        /**
         * One item of the current list that is a mapping, as its entries: a new map, in file order, that the stream
         * does not change or keep, so a receiver may keep it without the copy a {@link Value.Dict} makes.
         *
         * @param entries the item's entries, read whole
         */
        default void mapping(Map<String, Value> entries) {
            item(new Value.Dict(entries));
        }

        /**
         * The current list ends.
         *
         * @param size how many items it had
         */
        void end(int size);
    }

    /** A file {@link #streamLists} cannot read as DVC does; {@link #read} reads it. */
    public static final class ReadWholeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadWholeException() {
            super("read whole", null, false, false);
        }
    }

    /**
     * Refuses a file larger than {@link ReadLimits#maxBytes()}, as {@link #read} does.
     *
     * @param path the file's repository path, for the message
     * @param content its bytes
     * @throws UnreadableFileException a {@code FileTooLargeError} when it is larger
     */
    public void checkSize(String path, byte[] content) throws UnreadableFileException {
        if (content.length > limits.maxBytes()) {
            throw new UnreadableFileException(
                    "FileTooLargeError",
                    "unable to read: '" + path + "', file is larger" + " than " + limits.maxBytes() + " bytes");
        }
    }

    /** Refuses binary files and invalid UTF-8, as {@link #decode} does, without holding the text. */
    private static void validate(String path, byte[] content) throws UnreadableFileException {
        // eight bytes at a time: a word has a zero byte when the borrow of subtracting 1 from each byte reaches a
        // byte whose top bit was clear, and a byte past ASCII when a top bit is set
        long high = 0;
        int i = 0;
        for (; i + Long.BYTES <= content.length; i += Long.BYTES) {
            long word = (long) WORDS.get(content, i);
            if (((word - 0x0101010101010101L) & ~word & 0x8080808080808080L) != 0) {
                throw binary(path);
            }
            high |= word;
        }
        for (; i < content.length; i++) {
            if (content[i] == 0) {
                throw binary(path);
            }
            high |= content[i];
        }
        if ((high & 0x8080808080808080L) == 0) {
            return;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new UnreadableFileException("EncodingError", "'" + path + "' is not valid utf-8");
            }
        } while (result.isOverflow());
        out.clear();
        if (decoder.flush(out).isError()) {
            throw new UnreadableFileException("EncodingError", "'" + path + "' is not valid utf-8");
        }
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static UnreadableFileException binary(String path) {
        return new UnreadableFileException("EncodingError", "'" + path + "' is a binary file, not text");
    }

    private static void refuseBinary(String path, byte[] content) throws UnreadableFileException {
        for (byte b : content) {
            if (b == 0) {
                throw binary(path);
            }
        }
    }

    private static String suffix(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    /**
     * The file's text as DVC's loaders get it: read in Python's text mode (universal newlines), so {@code \r\n} and
     * a lone {@code \r} are each {@code \n} before the parser sees them (a TOML file with {@code \r} line ends reads,
     * a {@code \r} inside a quoted string is a line break there).
     */
    private static String decode(String path, byte[] content) throws UnreadableFileException {
        refuseBinary(path, content);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("EncodingError", "'" + path + "' is not valid utf-8");
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private Value readJson(String path, String text) throws UnreadableFileException {
        try (JsonParser parser = json.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw corrupted("JSON", path);
            }
            Value value = json(parser, 1);
            if (parser.nextToken() != null) {
                throw corrupted("JSON", path);
            }
            return value;
        } catch (LimitExceededException e) {
            throw beyond(e, "JSON", path);
        } catch (JsonProcessingException e) {
            throw corrupted("JSON", path);
        } catch (IOException e) {
            throw corrupted("JSON", path);
        }
    }

    private Value json(JsonParser parser, int depth) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                return new Value.Dict(entries(parser, depth));
            }
            case START_ARRAY -> {
                limits.checkDepth(depth);
                List<Value> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(json(parser, depth + 1));
                    limits.checkEntries(items.size());
                }
                return Value.Seq.list(items);
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new Value.Int(parser.getBigIntegerValue())
                        : Value.Int.of(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                // FastDoubleParser (USE_FAST_DOUBLE_PARSER) only where DoubleText would use it
                return new Value.Float(
                        parser.getTextLength() <= DoubleText.FAST_LIMIT
                                ? parser.getDoubleValue()
                                : Double.parseDouble(parser.getText()));
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

    /** The entries of the object the parser is at the start of, read to its end. */
    private Map<String, Value> entries(JsonParser parser, int depth) throws IOException {
        limits.checkDepth(depth);
        Map<String, Value> entries = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            parser.nextToken();
            entries.put(key, json(parser, depth + 1));
            limits.checkEntries(entries.size());
        }
        return entries;
    }

    private Value readToml(String path, String text) throws UnreadableFileException {
        try {
            return fromNode(toml().readTree(TomlNegativeZeros.keepSigns(text)), 1);
        } catch (LimitExceededException e) {
            throw beyond(e, "TOML", path);
        } catch (IOException e) {
            throw corrupted("TOML", path);
        }
    }

    /** Streams TOML from its bytes, line by line ({@link TomlListStream}), the text never whole in memory. */
    private void streamToml(String path, byte[] content, DataLists lists) throws UnreadableFileException {
        validate(path, content);
        try {
            new TomlListStream(content, limits, lists).stream();
        } catch (LimitExceededException e) {
            throw beyond(e, "TOML", path);
        }
    }

    private Value fromNode(JsonNode node, int depth) {
        if (node.isObject() || node.isArray()) {
            limits.checkDepth(depth);
            limits.checkEntries(node.size());
        }
        if (node.isObject()) {
            Map<String, Value> entries = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> entries.put(e.getKey(), fromNode(e.getValue(), depth + 1)));
            return new Value.Dict(entries);
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            node.forEach(item -> items.add(fromNode(item, depth + 1)));
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

    /**
     * Reads YAML text: a plain document ({@link PlainYamlDocument}) straight from its events, without marks; any other
     * document, or one whose plain read fails, composed (with marks, for its error) and then built.
     */
    Value readYaml(String path, String text) throws UnreadableFileException {
        Optional<Value> plain = plainYaml(path, text);
        return plain.isPresent() ? plain.get() : composedYaml(path, text);
    }

    /** The value of a plain YAML document, read without marks; empty for any other document or a failed read. */
    Optional<Value> plainYaml(String path, String text) {
        RuamelYamlSchema schema = new RuamelYamlSchema();
        return PlainYamlDocument.read(yamlEvents(schema, yamlSettings(schema, path, false), text), schema);
    }

    /** Reads YAML text composed: its nodes, merge keys applied, then built into values. */
    Value composedYaml(String path, String text) throws UnreadableFileException {
        RuamelYamlSchema schema = new RuamelYamlSchema();
        LoadSettings settings = yamlSettings(schema, path, true);
        try {
            Optional<Node> document = new Composer(settings, yamlEvents(schema, settings, text)).getSingleNode();
            if (document.isEmpty()) {
                return Value.None.NONE;
            }
            // a merge key is a plain "<<", which only text with "<<" in it can have
            Set<MappingNode> merging = text.contains("<<") ? YamlMergeKeys.apply(document.get()) : Set.of();
            return new YamlValueConstructor(schema, merging).value(document.get());
        } catch (LimitExceededException e) {
            throw beyond(e, "YAML", path);
        } catch (YamlEngineException | YamlMergeKeys.MergeException e) {
            throw corrupted("YAML", path);
        }
    }

    /** Streams YAML from its bytes, the text never whole in memory; merge keys (a plain "<<") need the whole read. */
    private void streamYaml(String path, byte[] content, DataLists lists) throws UnreadableFileException {
        validate(path, content);
        if (containsMergeKeyText(content)) {
            throw new ReadWholeException();
        }
        RuamelYamlSchema schema = new RuamelYamlSchema();
        LoadSettings settings = yamlSettings(schema, path, true);
        StreamReader text = new StreamReader(
                settings,
                new WholeCodePointReader(
                        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)));
        try {
            new YamlListStream(settings, new LimitedYamlParser(new ParserImpl(settings, text), limits, schema), schema)
                    .stream(lists);
        } catch (LimitExceededException e) {
            throw beyond(e, "YAML", path);
        } catch (YamlEngineException e) {
            throw corrupted("YAML", path);
        }
    }

    private static boolean containsMergeKeyText(byte[] content) {
        for (int i = 1; i < content.length; i++) {
            if (content[i] == '<' && content[i - 1] == '<') {
                return true;
            }
        }
        return false;
    }

    /** The events of YAML text, within the limits, telling the schema the document's version. */
    private LimitedYamlParser yamlEvents(RuamelYamlSchema schema, LoadSettings settings, String text) {
        return new LimitedYamlParser(
                new ParserImpl(settings, new StreamReader(settings, new WholeCodePointReader(new StringReader(text)))),
                limits,
                schema);
    }

    /**
     * The settings of one YAML document read, resolved by its own schema (which learns the document's version), with
     * marks (positions in the text, for errors) or without.
     */
    private LoadSettings yamlSettings(RuamelYamlSchema schema, String path, boolean marks) {
        return LoadSettings.builder()
                .setUseMarks(marks)
                .setSchema(schema)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                .setLabel(path)
                .build();
    }

    /**
     * A file beyond a limit, as DVC reports one: too deep is Python's {@code RecursionError} for JSON and YAML and
     * tomlkit's corrupted file for TOML; too many entries names the limit.
     */
    private static UnreadableFileException beyond(LimitExceededException e, String format, String path) {
        if (e.limit() == LimitExceededException.Limit.ENTRIES) {
            return new UnreadableFileException(
                    "FileTooLargeError",
                    "unable to read: '" + path + "', a mapping or list has more than " + e.bound() + " entries");
        }
        if (format.equals("TOML")) {
            return corrupted(format, path);
        }
        return new UnreadableFileException(
                "RecursionError",
                format.equals("JSON")
                        ? "maximum recursion depth exceeded while decoding a JSON object from a unicode string"
                        : "maximum recursion depth exceeded");
    }

    private static UnreadableFileException corrupted(String format, String path) {
        return new UnreadableFileException(
                format + "FileCorruptedError",
                "unable to read: '" + path + "', " + format + " file structure is corrupted");
    }
}
