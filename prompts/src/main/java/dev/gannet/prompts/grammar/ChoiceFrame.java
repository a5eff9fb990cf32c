package dev.gannet.prompts.grammar;

/**
 * One of a {@link Choice}'s options, of which {@code pos} characters are read; the options still
 * possible are {@code options[lo..hi)}. When an option is complete and no longer one extends it,
 * the frames that follow it take over. An option that another extends (enum values 1 and 10) ends
 * at the first character that continues neither.
 */
record ChoiceFrame(Choice choice, int lo, int hi, int pos) implements Frame {
    ChoiceFrame(Choice choice) {
        this(choice, 0, choice.options.length, 0);
    }

    @Override
    public Step consume(char c) {
        String[] options = choice.options;
        int from = -1;
        int to = -1;
        for (int i = lo; i < hi; i++) {
            String option = options[i];
            if (option.length() > pos && option.charAt(pos) == c) {
                if (from < 0) {
                    from = i;
                }
                to = i + 1;
            }
        }
        if (from < 0) {
            // Nothing continues with c: fine only if an option ended just before it.
            for (int i = lo; i < hi; i++) {
                if (options[i].length() == pos) {
                    return Step.offer(choice.next(i));
                }
            }
            return null;
        }
        if (to - from == 1 && options[from].length() == pos + 1) {
            return Step.then(choice.next(from));
        }
        return Step.to(new ChoiceFrame(choice, from, to, pos + 1));
    }
}
