package org.textvae.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import java.lang.reflect.Type;
import java.nio.file.Path;

/** JSON for jobs and states: the run folder's config.json and the checkpoints' training entry. */
final class JobJson {

    static final Gson GSON =
            new GsonBuilder()
                    .setPrettyPrinting()
                    .serializeSpecialFloatingPointValues()
                    .registerTypeHierarchyAdapter(KlSchedule.class, new ScheduleAdapter())
                    .registerTypeHierarchyAdapter(Path.class, new PathAdapter())
                    .create();

    private JobJson() {}

    /** A schedule is written as the spec that {@link KlSchedule#parse} reads. */
    private static final class ScheduleAdapter
            implements JsonSerializer<KlSchedule>, JsonDeserializer<KlSchedule> {
        @Override
        public JsonElement serialize(KlSchedule schedule, Type type, JsonSerializationContext c) {
            return new JsonPrimitive(schedule.spec());
        }

        @Override
        public KlSchedule deserialize(JsonElement json, Type type, JsonDeserializationContext c) {
            return KlSchedule.parse(json.getAsString());
        }
    }

    private static final class PathAdapter implements JsonSerializer<Path>, JsonDeserializer<Path> {
        @Override
        public JsonElement serialize(Path path, Type type, JsonSerializationContext c) {
            return new JsonPrimitive(path.toString());
        }

        @Override
        public Path deserialize(JsonElement json, Type type, JsonDeserializationContext c) {
            return Path.of(json.getAsString());
        }
    }
}
