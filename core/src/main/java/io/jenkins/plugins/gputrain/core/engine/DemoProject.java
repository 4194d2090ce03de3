package io.jenkins.plugins.gputrain.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A small DVC project to try gpu-train with: a pure-Python training script (no third-party packages) that fits a
 * line by gradient descent and writes {@code metrics.json} and {@code loss.csv}; {@code params.yaml}; and a
 * {@code dvc.yaml} declaring them. The baseline is committed on {@code main}; the experiment changes the params.
 */
public final class DemoProject {
    /** The training command, run in the project directory. */
    public static final List<String> TRAIN = List.of("python3", "train.py");

    private static final String DVC_YAML =
            """
            stages:
              train:
                cmd: python3 train.py
                deps:
                - train.py
                params:
                - train
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
            random.seed(train["seed"])
            data = [(x / 50.0, 3 * x / 50.0 + 1 + random.gauss(0, 0.1)) for x in range(50)]
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
        DemoProject project = new DemoProject(directory);
        project.write("dvc.yaml", DVC_YAML);
        project.write("train.py", TRAIN_PY);
        project.write("params.yaml", params(0.05, 20));
        project.write(".gitignore", "gpu-train/\n__pycache__/\n");
        CommandResult baseline = baselineRunner.run(TRAIN, directory);
        if (!baseline.succeeded()) {
            throw new IOException("the baseline training run failed with exit code " + baseline.exitCode());
        }
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
        project.write("params.yaml", params(0.2, 40));
        return project;
    }

    /** The project directory. */
    public Path directory() {
        return directory;
    }

    private static String params(double lr, int epochs) {
        return "train:\n  lr: " + lr + "\n  epochs: " + epochs + "\n  seed: 7\n";
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
