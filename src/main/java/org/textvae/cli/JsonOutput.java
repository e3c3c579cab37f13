package org.textvae.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The JSON that {@code --json} prints. Gson escapes {@code <}, {@code >}, {@code &} and {@code =}
 * by default, for HTML pages; a line holding {@code <unk>} would come out as {@code
 * \u003cunk\u003e}.
 */
final class JsonOutput {

    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JsonOutput() {}
}
