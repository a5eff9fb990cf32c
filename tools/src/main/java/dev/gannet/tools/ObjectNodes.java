package dev.gannet.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Fresh Jackson nodes without an {@code ObjectMapper} at hand. */
public final class ObjectNodes {
    private ObjectNodes() {
    }

    public static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode emptyArray() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
