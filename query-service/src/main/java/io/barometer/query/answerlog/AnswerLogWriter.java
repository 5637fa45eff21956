package io.barometer.query.answerlog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.query.people.PersonNames;

/**
 * Writes one export's answer-log lines by batches, naming each line's {@code by} as the import knows people: by
 * username while the person exists and is not erased, else by person id, so that an erased person's lines stay
 * together without a name. Each batch looks up the people it meets for the first time, in one query: a file of a
 * million lines costs a query per thousand lines at most, and a person keeps one handle from the first line to the
 * last of a file.
 */
final class AnswerLogWriter {

    private static final int BATCH = 1000;

    private final ObjectMapper json;
    private final AnswerLogLines lines;
    private final PersonNames people;
    private final OutputStream out;
    private final List<ObjectNode> pending = new ArrayList<>(BATCH);
    private final Map<String, String> handles = new HashMap<>();

    AnswerLogWriter(ObjectMapper json, AnswerLogLines lines, PersonNames people, OutputStream out) {
        this.json = json;
        this.lines = lines;
        this.people = people;
        this.out = out;
    }

    void write(StoredEvent event) {
        pending.add(lines.line(event));
        if (pending.size() == BATCH) {
            flush();
        }
    }

    /** Writes what is pending; the stream itself is the caller's to flush and close. */
    void flush() {
        Set<String> unknown = new HashSet<>();
        for (ObjectNode line : pending) {
            String by = line.path("by").asText();
            if (!handles.containsKey(by)) {
                unknown.add(by);
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, String> usernames = people.usernames(unknown);
            for (String id : unknown) {
                handles.put(id, usernames.getOrDefault(id, id));
            }
        }
        try {
            for (ObjectNode line : pending) {
                line.put("by", handles.get(line.path("by").asText()));
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending.clear();
    }
}
