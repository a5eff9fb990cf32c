package dev.gannet.prompts.grammar;

import com.fasterxml.jackson.databind.node.TextNode;

/** JSON text for a Java string: quoted and escaped as a model would write it. */
final class JsonQuoting {
    private JsonQuoting() {
    }

    static String quote(String text) {
        return TextNode.valueOf(text).toString();
    }
}
