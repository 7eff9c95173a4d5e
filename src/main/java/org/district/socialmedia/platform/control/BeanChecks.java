package org.district.socialmedia.platform.control;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Map;

/** Bean Validation results as the field-to-message map that InvalidInputException carries. */
public final class BeanChecks {

    private BeanChecks() {
    }

    /** Adds the first message of each invalid property of the bean to the errors. */
    public static <T> void collect(Validator validator, T bean, Map<String, String> errors) {
        for (ConstraintViolation<T> v : validator.validate(bean)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
    }
}
