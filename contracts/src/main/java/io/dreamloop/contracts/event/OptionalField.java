package io.dreamloop.contracts.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component of an event as optional on the wire: it may be absent or null, and the
 * generated JSON schema does not list it as required. Every other component is required.
 *
 * <p>Adding a new component to a released event is backward compatible only if it is optional.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
    ElementType.RECORD_COMPONENT,
    ElementType.PARAMETER,
    ElementType.FIELD,
    ElementType.METHOD
})
public @interface OptionalField {}
