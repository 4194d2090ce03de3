package io.jenkins.plugins.gputrain.core.engine.k8s;

/**
 * A pod or Secret a run creates, as its deletion names it.
 *
 * @param kind its kind
 * @param namespace its namespace
 * @param name its name
 * @param createId the id label of the create that made it ({@link UncertainCreation#CREATE_ID_LABEL}): the object
 *     under the name is deleted only if it carries that label; {@code null} where the object under the name is known
 *     to be the run's (it was created or adopted), so that its name alone selects it
 */
record CreatedObject(Leftovers.Kind kind, String namespace, String name, String createId) {
    /** The object under the name, known to be the run's. */
    static CreatedObject named(Leftovers.Kind kind, String namespace, String name) {
        return new CreatedObject(kind, namespace, name, null);
    }

    /** The {@code kubectl} command that deletes it, selected by its create id and its name where it has an id. */
    String deleteCommand() {
        String kubectl = "kubectl delete " + kind.kubectlName();
        return createId == null
                ? kubectl + " " + name + " -n " + namespace
                : kubectl + " -n " + namespace + " -l " + UncertainCreation.CREATE_ID_LABEL + "=" + createId
                        + " --field-selector metadata.name=" + name;
    }

    /** Why a deletion found nothing to delete. */
    String nothingToDelete() {
        return createId == null
                ? "HTTP 404: nothing was stored under that name, or it is gone already"
                : "none under that name carries this create's id: nothing was stored, it is gone already, or it is"
                        + " another's";
    }
}
