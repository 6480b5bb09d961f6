package org.leadingtogether.account.view;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import jakarta.faces.application.FacesMessage;
import org.leadingtogether.account.Role;

/** Roles in forms, by name. Needed for role check boxes: Faces cannot see a collection's element type. */
@FacesConverter("lt.Role")
public class RoleConverter implements Converter<Role> {

    @Override
    public Role getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose roles from the list.", null));
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Role value) {
        return value == null ? "" : value.name();
    }
}
