package org.leadingtogether.learning;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.leadingtogether.platform.CachedJson;

import java.io.StringReader;
import java.util.List;

/**
 * Stores a lesson's knowledge check as JSON in one column: it is always read and written whole. Options are
 * written as {@code {text, why}}; options stored by earlier versions as plain strings are still read.
 */
public class QuestionsCodec {

    public String write(List<QuestionDefinition> questions) {
        if (questions == null || questions.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = CachedJson.createArrayBuilder();
        for (QuestionDefinition question : questions) {
            JsonArrayBuilder options = CachedJson.createArrayBuilder();
            question.options().forEach(option -> options.add(CachedJson.createObjectBuilder()
                    .add("text", option.text()).add("why", option.why())));
            array.add(CachedJson.createObjectBuilder()
                    .add("question", question.question())
                    .add("options", options)
                    .add("answer", question.answer())
                    .add("explanation", question.explanation() == null ? "" : question.explanation()));
        }
        return array.build().toString();
    }

    public List<QuestionDefinition> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try (var reader = CachedJson.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonObject.class).stream()
                    .map(o -> new QuestionDefinition(o.getString("question"),
                            o.getJsonArray("options").stream().map(QuestionsCodec::option).toList(),
                            o.getInt("answer"),
                            o.getString("explanation", "")))
                    .toList();
        }
    }

    private static QuestionDefinition.Option option(JsonValue value) {
        if (value instanceof JsonString text) {
            return new QuestionDefinition.Option(text.getString(), "");
        }
        JsonObject option = value.asJsonObject();
        return new QuestionDefinition.Option(option.getString("text"), option.getString("why", ""));
    }
}
