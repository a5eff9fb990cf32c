/** The subset of JSON Schema that tool declarations use, as a validator that reports every violation. */
package dev.gannet.prompts.schema;
