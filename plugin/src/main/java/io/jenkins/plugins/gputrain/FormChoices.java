package io.jenkins.plugins.gputrain;

import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a drop-down list: first the empty entry (the default applies), then what can be chosen, then the
 * saved value when it is no longer among them, marked as not found, so that opening and saving a form never changes
 * a setting behind the administrator's back.
 */
public final class FormChoices {
    private FormChoices() {}

    /**
     * The entries, in that order.
     *
     * @param emptyLabel the label of the empty entry, saying what applies then
     * @param available what can be chosen now
     * @param saved the saved value, or {@code null}
     * @return the entries
     */
    public static List<FormChoice> of(String emptyLabel, List<FormChoice> available, String saved) {
        List<FormChoice> choices = new ArrayList<>();
        choices.add(new FormChoice(emptyLabel, ""));
        choices.addAll(available);
        if (saved != null
                && !saved.isBlank()
                && available.stream().noneMatch(choice -> choice.value().equals(saved))) {
            choices.add(new FormChoice(Messages.FormChoices_NotFound(saved), saved));
        }
        return choices;
    }

    /** The entries as Stapler sends them to a {@code <f:select>}. */
    public static ListBoxModel toListBox(List<FormChoice> choices) {
        ListBoxModel list = new ListBoxModel();
        choices.forEach(choice -> list.add(choice.label(), choice.value()));
        return list;
    }
}
