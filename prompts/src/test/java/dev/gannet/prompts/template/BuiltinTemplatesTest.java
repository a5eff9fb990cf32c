package dev.gannet.prompts.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BuiltinTemplatesTest {
    @ParameterizedTest
    @EnumSource(TemplateFamily.class)
    void everyFamilyHasATemplateFoundByItsName(TemplateFamily family) {
        ChatTemplate template = BuiltinTemplates.byName(family.id().toUpperCase(java.util.Locale.ROOT));
        assertSame(BuiltinTemplates.template(family), template);
        assertEquals("builtin:" + family.id(), template.name());
        assertEquals(ToolArgumentsStyle.OBJECT, template.argumentsStyle());
        String prompt = template.render(List.of(ChatMessage.user("ping")), List.of(), true, "<s>", "</s>");
        assertTrue(prompt.contains("ping"), prompt);
    }

    @Test
    void anUnknownNameListsTheFamilies() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BuiltinTemplates.byName("vicuna"));
        assertEquals("no built-in chat template 'vicuna'; there are: chatml, llama3, mistral, phi3, phi4, gemma, llama2, deepseek",
                e.getMessage());
    }
}
