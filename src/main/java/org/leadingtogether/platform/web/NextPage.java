package org.leadingtogether.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request leaves for the next page the same person sees: the message that follows a successful action
 * and its redirect ({@link Messages#flashInfo}), and small values such as the journal's saved-draft keys.
 *
 * <p>Kept in the HTTP session, not in the Faces flash: Mojarra keeps flash data in the memory of the instance
 * that set it and finds it through a cookie encrypted with that instance's own key, so in a cluster the page
 * after a redirect, served by another instance, would lose it. The session travels with the person.
 *
 * <p>Messages are handed to the page just before it renders ({@link NextPageMessages}); values are taken by the
 * page through {@code #{nextPage.take('name')}}.
 */
@Named
@RequestScoped
public class NextPage {

    private static final String ATTRIBUTE = NextPage.class.getName();

    /** What waits in the session: texts of information messages, and named values. */
    private static final class Waiting implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> messages = new ArrayList<>();
        private final HashMap<String, String> values = new HashMap<>();
    }

    private final Map<String, String> taken = new HashMap<>();

    /** Leaves an information message for the next page rendered for this session. */
    public static void message(String text) {
        change(waiting -> waiting.messages.add(text));
    }

    /** Leaves a named value for the next page, which takes it with {@code #{nextPage.take(name)}}. */
    public static void put(String name, String value) {
        change(waiting -> waiting.values.put(name, value));
    }

    /** The value left under {@code name}, removed from the session; the same answer for the rest of this request. */
    public String take(String name) {
        return taken.computeIfAbsent(name, key -> {
            String[] value = new String[1];
            change(waiting -> value[0] = waiting.values.remove(key));
            return value[0];
        });
    }

    private static void change(java.util.function.Consumer<Waiting> change) {
        Map<String, Object> session = FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        Waiting waiting = session.get(ATTRIBUTE) instanceof Waiting kept ? kept : new Waiting();
        change.accept(waiting);
        if (waiting.messages.isEmpty() && waiting.values.isEmpty()) {
            session.remove(ATTRIBUTE);
        } else {
            // Set again even when the same object: a replicated session stores what was set.
            session.put(ATTRIBUTE, waiting);
        }
    }

    /** The messages waiting for this session, removed from it. */
    static List<String> takeMessages(FacesContext faces) {
        if (faces.getExternalContext().getSession(false) == null
                || !(faces.getExternalContext().getSessionMap().get(ATTRIBUTE) instanceof Waiting waiting) || waiting.messages.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        change(kept -> {
            texts.addAll(kept.messages);
            kept.messages.clear();
        });
        return texts;
    }
}
