package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vars files a templating context has loaded, whole or by top-level keys: DVC's {@code Context.imports} and
 * {@code check_loaded} ({@code dvc/parsing/context.py}, 3.67.1). A file may be loaded whole any number of times (the
 * default {@code params.yaml} again in {@code vars} is no error), and by disjoint keys; loading it whole and by keys,
 * or a key twice, is DVC's {@code VarsAlreadyLoaded}.
 *
 * @param whole the files loaded whole
 * @param partial each file loaded by keys, to the keys loaded so far
 */
record VarsImports(Set<String> whole, Map<String, List<String>> partial) {
    /** Copies the collections. */
    VarsImports {
        whole = Set.copyOf(whole);
        partial = Map.copyOf(partial);
    }

    /** Nothing loaded. */
    static VarsImports none() {
        return new VarsImports(Set.of(), Map.of());
    }

    /**
     * Whether loading the entry again is a no-op: the file is loaded whole already and the entry selects no keys.
     *
     * @param file the vars file's repository path
     * @param keys the keys the entry selects, or null when it names the file alone ({@code v.yaml}, {@code v.yaml:})
     */
    boolean loadedWhole(String file, List<String> keys) {
        return (keys == null || keys.isEmpty()) && whole.contains(file);
    }

    /**
     * Refuses an entry that loads a loaded file again in a way DVC refuses.
     *
     * @param file the vars file's repository path
     * @param entry the entry as written ({@code v.yaml:a}), as DVC names it
     * @param keys the keys the entry selects, or null when it names the file alone
     * @throws ContextError DVC's {@code VarsAlreadyLoaded}
     */
    void check(String file, String entry, List<String> keys) throws ContextError {
        boolean selects = keys != null && !keys.isEmpty();
        List<String> loaded = partial.get(file);
        if (!selects && loaded != null) {
            throw alreadyLoaded("cannot load '" + entry + "' as it's partially loaded already");
        }
        if (selects && whole.contains(file)) {
            throw alreadyLoaded("cannot partially load '" + entry + "' as it's already loaded.");
        }
        if (selects && loaded != null && !disjoint(keys, loaded)) {
            throw alreadyLoaded("cannot load '" + entry + "' as it's partially loaded already");
        }
    }

    /**
     * Records an entry {@link #check} let through; a file named by keys is partially loaded, even by an empty key
     * list ({@code v.yaml:,}), as in DVC.
     *
     * @param file the vars file's repository path
     * @param keys the keys the entry selects, or null when it names the file alone
     * @return the wider record
     */
    VarsImports with(String file, List<String> keys) {
        if (keys == null) {
            Set<String> wider = new HashSet<>(whole);
            wider.add(file);
            return new VarsImports(wider, partial);
        }
        Map<String, List<String>> wider = new LinkedHashMap<>(partial);
        List<String> loaded = new ArrayList<>(partial.getOrDefault(file, List.of()));
        loaded.addAll(keys);
        wider.put(file, List.copyOf(loaded));
        return new VarsImports(whole, wider);
    }

    private static boolean disjoint(List<String> keys, List<String> loaded) {
        return keys.stream().noneMatch(loaded::contains);
    }

    private static ContextError alreadyLoaded(String message) {
        return new ContextError(ContextError.Kind.ALREADY_LOADED, message);
    }
}
