package com.customer360.command.input;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Every text a caller sends must be plain text: no control characters other than tab and line breaks, and no unpaired
 * surrogates. An unpaired surrogate cannot be encoded in UTF-8, so the event store would keep another value than the
 * one accepted (a retry would then no longer match its original); control characters corrupt downloads and logs.
 * Checked on every string in a request record, nested records and lists included, so no field can be forgotten.
 */
final class PlainText {

    static final String MESSAGE = "must not contain control characters or unpaired surrogates";

    private PlainText() {}

    static void check(Object value, String path, List<InvalidInput.Violation> violations) {
        if (value instanceof String text) {
            if (!isPlain(text)) {
                violations.add(new InvalidInput.Violation(path, MESSAGE));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]", violations);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
                check(valueOf(component, value), name, violations);
            }
        }
    }

    static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
