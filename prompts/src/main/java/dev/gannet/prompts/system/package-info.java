/** The system prompts that teach a model when to use a tool and when to answer directly, as resources. */
package dev.gannet.prompts.system;
