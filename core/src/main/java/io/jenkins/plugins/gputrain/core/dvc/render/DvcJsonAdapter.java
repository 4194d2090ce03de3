package io.jenkins.plugins.gputrain.core.dvc.render;

import io.jenkins.plugins.gputrain.core.dvc.diff.Difference;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.value.CodePointOrder;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what DVC itself printed with {@code --json} into the same model, for places where DVC ran: {@code dvc
 * metrics diff --json}, {@code dvc params diff --json} and {@code dvc metrics show --json}.
 */
public final class DvcJsonAdapter {
    private final DataFileReader reader = new DataFileReader();

    /**
     * Reads a diff.
     *
     * @param json what {@code dvc metrics diff --json} or {@code dvc params diff --json} printed
     * @return the differences, files sorted by path and rows by key, as DVC's tables sort them
     * @throws UnreadableFileException when the text is not such a diff
     */
    public List<FileDifferences> diff(String json) throws UnreadableFileException {
        List<FileDifferences> files = new ArrayList<>();
        for (Map.Entry<String, Value> file : sorted(object(json, json)).entrySet()) {
            List<Difference> differences = new ArrayList<>();
            for (Map.Entry<String, Value> row :
                    sorted(asObject(file.getValue(), json)).entrySet()) {
                Map<String, Value> fields = asObject(row.getValue(), json);
                if (!fields.containsKey("old") || !fields.containsKey("new")) {
                    throw invalid(json, "entry '" + row.getKey() + "' of '" + file.getKey() + "' lacks old/new");
                }
                differences.add(new Difference(row.getKey(), fields.get("old"), fields.get("new"), fields.get("diff")));
            }
            if (!differences.isEmpty()) {
                files.add(new FileDifferences(file.getKey(), differences));
            }
        }
        return files;
    }

    /**
     * Reads a {@code dvc metrics show --json}.
     *
     * @param json what DVC printed
     * @return the revisions
     * @throws UnreadableFileException when the text is not such an output
     */
    public List<RevisionData> metricsShow(String json) throws UnreadableFileException {
        List<RevisionData> revisions = new ArrayList<>();
        for (Map.Entry<String, Value> revision : object(json, json).entrySet()) {
            String name =
                    revision.getKey().equals(MetricsShow.JSON_WORKSPACE) ? DvcRepository.WORKSPACE : revision.getKey();
            Map<String, Value> content = asObject(revision.getValue(), json);
            if (content.containsKey("error")) {
                revisions.add(RevisionData.failed(name, failure(content.get("error"))));
                continue;
            }
            Map<String, FileResult> files = new LinkedHashMap<>();
            asObject(content.getOrDefault("data", Value.Dict.empty()), json).forEach((path, result) -> {
                Map<String, Value> fields = ((Value.Dict) result).entries();
                files.put(
                        path,
                        fields.containsKey("error")
                                ? failure(fields.get("error"))
                                : new FileResult.Data(fields.getOrDefault("data", Value.Dict.empty())));
            });
            revisions.add(RevisionData.of(name, files));
        }
        return revisions;
    }

    /**
     * Reads a {@code dvc plots diff --json}: {@code {"data": {id: [{"type": "vega", "revisions": […], "content":
     * spec} | {"type": "image", "revisions": [rev], "url": path}]}}}.
     *
     * @param json what DVC printed
     * @return the plots, in DVC's order
     * @throws UnreadableFileException when the text is not such an output
     */
    public List<DvcPlot> plots(String json) throws UnreadableFileException {
        List<DvcPlot> plots = new ArrayList<>();
        for (Map.Entry<String, Value> plot : asObject(object(json, json).getOrDefault("data", Value.Dict.empty()), json)
                .entrySet()) {
            if (!(plot.getValue() instanceof Value.Seq entries)) {
                throw invalid(json, "plot '" + plot.getKey() + "' is not a list");
            }
            for (Value entry : entries.items()) {
                Map<String, Value> fields = asObject(entry, json);
                List<String> revisions = fields.get("revisions") instanceof Value.Seq seq
                        ? seq.items().stream().map(Value::str).toList()
                        : List.of();
                if ("image".equals(fields.getOrDefault("type", Value.None.NONE).str())) {
                    plots.add(new DvcPlot(
                            plot.getKey(),
                            true,
                            revisions,
                            fields.getOrDefault("url", Value.None.NONE).str(),
                            plot.getKey(),
                            null,
                            null,
                            List.of()));
                } else {
                    Value content = fields.getOrDefault("content", Value.Dict.empty());
                    plots.add(new DvcPlot(
                            plot.getKey(),
                            false,
                            revisions,
                            null,
                            title(content, plot.getKey()),
                            field(content, "x"),
                            field(content, "y"),
                            datapoints(content)));
                }
            }
        }
        return plots;
    }

    private static String title(Value spec, String fallback) {
        Value title = spec instanceof Value.Dict dict ? dict.entries().get("title") : null;
        if (title instanceof Value.Dict text && text.entries().get("text") != null) {
            return text.entries().get("text").str();
        }
        return title instanceof Value.Str str ? str.value() : fallback;
    }

    /** The first {@code encoding.<channel>.field} in the spec, depth first. */
    private static String field(Value spec, String channel) {
        if (spec instanceof Value.Dict dict) {
            if (dict.entries().get("encoding") instanceof Value.Dict encoding
                    && encoding.entries().get(channel) instanceof Value.Dict axis
                    && axis.entries().get("field") instanceof Value.Str name) {
                return name.value();
            }
            for (Value child : dict.entries().values()) {
                String found = field(child, channel);
                if (found != null) {
                    return found;
                }
            }
        } else if (spec instanceof Value.Seq seq) {
            for (Value child : seq.items()) {
                String found = field(child, channel);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<Map<String, Value>> datapoints(Value spec) {
        if (spec instanceof Value.Dict dict
                && dict.entries().get("data") instanceof Value.Dict data
                && data.entries().get("values") instanceof Value.Seq values) {
            return values.items().stream()
                    .filter(Value.Dict.class::isInstance)
                    .map(v -> ((Value.Dict) v).entries())
                    .toList();
        }
        return List.of();
    }

    private Map<String, Value> object(String json, String source) throws UnreadableFileException {
        Value value = reader.read("dvc-output.json", json.getBytes(StandardCharsets.UTF_8));
        return asObject(value, source);
    }

    private static Map<String, Value> asObject(Value value, String json) throws UnreadableFileException {
        if (value instanceof Value.Dict dict) {
            return dict.entries();
        }
        throw invalid(json, "expected a JSON object, found " + value.str());
    }

    private static FileResult.Failure failure(Value error) {
        if (error instanceof Value.Dict dict) {
            return new FileResult.Failure(
                    dict.entries().getOrDefault("type", new Value.Str("Error")).str(),
                    dict.entries().getOrDefault("msg", new Value.Str("")).str());
        }
        return new FileResult.Failure("Error", error.str());
    }

    private static Map<String, Value> sorted(Map<String, Value> object) {
        Map<String, Value> sorted = new TreeMap<>(CodePointOrder.INSTANCE);
        sorted.putAll(object);
        return sorted;
    }

    private static UnreadableFileException invalid(String json, String reason) {
        return new UnreadableFileException("JSONFileCorruptedError", "not DVC --json output: " + reason);
    }
}
