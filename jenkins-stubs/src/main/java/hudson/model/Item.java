package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.Named;
import jenkins.util.io.OnMaster;

/** Compile-only stub of {@code hudson.model.Item}. */
public interface Item
        extends PersistenceRoot,
                FullyNamedModelObject,
                SearchableModelObject,
                FullyNamed,
                Named,
                AccessControlled,
                OnMaster {
    Permission CONFIGURE = null;
}
