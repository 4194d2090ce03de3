package io.jenkins.plugins.gputrain.train;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The freestyle step's callables, and what each returns for a workspace, for the class filter rule test. */
public final class TrainCallables {
    private TrainCallables() {}

    /** Each callable that travels to the agent, and its result there. */
    public static Map<Object, Object> withResults(File workspace) throws IOException {
        Map<Object, Object> callables = new LinkedHashMap<>();
        AgentWorkspace.Pack pack = new AgentWorkspace.Pack(1 << 20);
        byte[] archive = pack.invoke(workspace, null);
        callables.put(pack, archive);
        AgentWorkspace.Unpack unpack = new AgentWorkspace.Unpack(archive, 1 << 20);
        callables.put(unpack, unpack.invoke(workspace, null));
        AgentWorkspace.Results results = new AgentWorkspace.Results();
        callables.put(results, results.invoke(workspace, null));
        return callables;
    }
}
