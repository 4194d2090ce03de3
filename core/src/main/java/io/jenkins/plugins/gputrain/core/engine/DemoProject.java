package io.jenkins.plugins.gputrain.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A small DVC project to try gpu-train with: a pure-Python training script (no third-party packages) that fits a
 * line by gradient descent to {@code data.csv} and writes {@code model.json}, {@code metrics.json} and
 * {@code loss.csv}; {@code params.yaml}; and a {@code dvc.yaml} declaring them. The baseline is committed on
 * {@code main}; the experiment changes the params. With DVC ({@link #createWithDvc}) the data and the model are
 * DVC-tracked and pushed to a local DVC remote, as the guide's projects are.
 */
public final class DemoProject {
    /** The training command, run in the project directory. */
    public static final List<String> TRAIN = List.of("python3", "train.py");

    /** The local DVC remote of {@link #createWithDvc}: a directory inside the project, ignored by Git and DVC. */
    public static final String REMOTE = "dvc-remote";

    private static final String DVC_YAML =
            """
            stages:
              train:
                cmd: python3 train.py
                deps:
                - train.py
                - data.csv
                params:
                - train
                outs:
                - model.json
                metrics:
                - metrics.json:
                    cache: false
                plots:
                - loss.csv:
                    cache: false
                    x: epoch
                    y: loss
                    title: Training loss
            """;

    private static final String TRAIN_PY =
            """
            \"\"\"Fits y = 3x + 1 on synthetic data by gradient descent; standard library only.\"\"\"
            import json
            import random

            def load_params(path="params.yaml"):
                params, section = {}, None
                for line in open(path):
                    if not line.strip():
                        continue
                    if not line.startswith(" "):
                        section = line.split(":")[0].strip()
                        params[section] = {}
                    else:
                        key, value = [part.strip() for part in line.split(":", 1)]
                        params[section][key] = float(value) if "." in value else int(value)
                return params["train"]

            train = load_params()
            data = [tuple(float(v) for v in line.split(",")) for line in open("data.csv").read().split()[1:]]
            w, b = 0.0, 0.0
            with open("loss.csv", "w") as curve:
                curve.write("epoch,loss\\n")
                for epoch in range(train["epochs"]):
                    grad_w = sum((w * x + b - y) * x for x, y in data) * 2 / len(data)
                    grad_b = sum((w * x + b - y) for x, y in data) * 2 / len(data)
                    w, b = w - train["lr"] * grad_w, b - train["lr"] * grad_b
                    loss = sum((w * x + b - y) ** 2 for x, y in data) / len(data)
                    curve.write(f"{epoch},{loss}\\n")
                    print(f"epoch {epoch}: loss {loss:.5f}")
            with open("model.json", "w") as model:
                json.dump({"slope": w, "intercept": b}, model)
            with open("metrics.json", "w") as metrics:
                json.dump({"loss": loss, "slope": w, "intercept": b}, metrics)
            """;

    private final Path directory;

    private DemoProject(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes the project and commits its baseline on {@code main}: the files, then the baseline's results produced
     * by running the training command with {@code runner}.
     *
     * @param directory an empty directory
     * @param baselineRunner runs {@link #TRAIN} for the baseline
     * @return the project, with the experiment's params in the working tree
     * @throws IOException when the files cannot be written or the baseline run fails
     */
    public static DemoProject create(Path directory, BaselineRunner baselineRunner)
            throws IOException, InterruptedException {
        DemoProject project = project(directory, "gpu-train/\n__pycache__/\n");
        project.run(baselineRunner, TRAIN, "the baseline training run");
        project.commit();
        project.write("params.yaml", params(0.2, 40));
        return project;
    }

    /**
     * Writes the project as a DVC project and commits its baseline on {@code main}: {@code dvc init}, a local
     * remote ({@link #REMOTE}), {@code dvc add data.csv}, {@code dvc repro}, the commit, {@code dvc push}. Then, as
     * on a fresh clone, the DVC cache and the DVC-tracked files are removed, so that {@link #reproduce} has to pull
     * them from the remote.
     *
     * @param directory an empty directory
     * @param dvc the dvc command (e.g. {@code [dvc]} or a path to it)
     * @param runner runs each DVC command
     * @return the project, with the experiment's params in the working tree
     * @throws IOException when the files cannot be written or a DVC command fails
     */
    public static DemoProject createWithDvc(Path directory, List<String> dvc, BaselineRunner runner)
            throws IOException, InterruptedException {
        DemoProject project = project(directory, "gpu-train/\n__pycache__/\n/" + REMOTE + "/\n");
        project.write(".dvcignore", "/" + REMOTE + "/\n");
        try {
            // dvc init needs a Git repository
            Git.init()
                    .setDirectory(directory.toFile())
                    .setInitialBranch("main")
                    .call()
                    .close();
        } catch (GitAPIException e) {
            throw new IOException("cannot create the demo's Git repository: " + e.getMessage(), e);
        }
        project.run(runner, concat(dvc, "init", "--quiet"), "dvc init");
        project.run(runner, concat(dvc, "remote", "add", "--default", "local", REMOTE), "dvc remote add");
        project.run(runner, concat(dvc, "add", "--quiet", "data.csv"), "dvc add data.csv");
        project.run(runner, concat(dvc, "repro"), "the baseline's dvc repro");
        project.commit();
        project.run(runner, concat(dvc, "push"), "dvc push");
        deleteTree(directory.resolve(".dvc/cache"));
        Files.delete(directory.resolve("data.csv"));
        Files.delete(directory.resolve("model.json"));
        project.write("params.yaml", params(0.2, 40));
        return project;
    }

    /** The seed chapter's command: {@code dvc repro --pull}. */
    public static List<String> reproduce(List<String> dvc) {
        return concat(dvc, "repro", "--pull");
    }

    private static DemoProject project(Path directory, String gitignore) throws IOException {
        DemoProject project = new DemoProject(directory);
        project.write("dvc.yaml", DVC_YAML);
        project.write("train.py", TRAIN_PY);
        project.write("params.yaml", params(0.05, 20));
        project.write("data.csv", data());
        project.write(".gitignore", gitignore);
        return project;
    }

    /** 50 points near y = 3x + 1, the same every time. */
    private static String data() {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            double x = i / 50.0;
            csv.append(x)
                    .append(',')
                    .append(3 * x + 1 + random.nextGaussian() * 0.1)
                    .append('\n');
        }
        return csv.toString();
    }

    private void run(BaselineRunner runner, List<String> command, String what)
            throws IOException, InterruptedException {
        CommandResult result = runner.run(command, directory);
        if (!result.succeeded()) {
            throw new IOException(what + " failed with exit code " + result.exitCode());
        }
    }

    private void commit() throws IOException {
        try (Git git = Git.init()
                .setDirectory(directory.toFile())
                .setInitialBranch("main")
                .call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("Baseline: lr 0.05, 20 epochs")
                    .setAuthor("gpu-train demo", "demo@localhost")
                    .setCommitter("gpu-train demo", "demo@localhost")
                    .setSign(false)
                    .call();
        } catch (GitAPIException e) {
            throw new IOException("cannot commit the demo baseline: " + e.getMessage(), e);
        }
    }

    private static List<String> concat(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The project directory. */
    public Path directory() {
        return directory;
    }

    private static String params(double lr, int epochs) {
        return "train:\n  lr: " + lr + "\n  epochs: " + epochs + "\n";
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Runs the baseline training. */
    @FunctionalInterface
    public interface BaselineRunner {
        /** Runs a command in a directory. */
        CommandResult run(List<String> command, Path directory) throws IOException, InterruptedException;
    }
}
