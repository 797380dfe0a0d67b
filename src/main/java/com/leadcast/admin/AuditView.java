package com.leadcast.admin;

import com.leadcast.api.model.AuditActor;
import com.leadcast.api.model.AuditPage;
import com.leadcast.audit.Actor;
import com.leadcast.audit.AuditEntry;
import com.leadcast.audit.AuditTrail;
import com.leadcast.scim.ScimException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit API's answer (openapi/scim-api.yaml, AuditPage): the query read from the request's parameters, a page of
 * the trail, each entry's actor with the label its token has today.
 */
final class AuditView {

    private AuditView() {
    }

    /**
     * A page of the tenant's trail, or with a null {@code tenantId} of the admin actions.
     *
     * @throws ScimException {@code 400 invalidValue} for a wrong count, cursor, action or time
     */
    static AuditPage page(AuditTrail trail, String tenantId, String resourceId, String action, String count,
                          String cursor, String since) {
        String knownAction = action == null || action.isBlank() ? null : action.trim();
        if (knownAction != null && !AuditTrail.actions().contains(knownAction)) {
            throw ScimException.invalidValue("\"action\" must be one of " + String.join(", ", AuditTrail.actions()));
        }
        Optional<AdminPaging.Position> after = AdminPaging.position(cursor);
        AuditTrail.Page page = trail.entries(new AuditTrail.Query(tenantId, resourceId, knownAction,
                AdminPaging.since(since), after.map(AdminPaging.Position::at).orElse(null),
                after.map(AdminPaging.Position::id).orElse(null), AdminPaging.count(count)));
        Map<String, String> labels = trail.tokenLabels(page.entries().stream()
                .filter(e -> e.getActorType() == Actor.Type.TOKEN).map(AuditEntry::getActorId).distinct().toList());
        AuditPage view = new AuditPage().entries(page.entries().stream().map(e -> view(e, labels)).toList());
        if (page.more()) {
            AuditEntry last = page.entries().get(page.entries().size() - 1);
            view.nextCursor(AdminPaging.cursor(new AdminPaging.Position(last.getAt(), last.getId())));
        }
        return view;
    }

    private static com.leadcast.api.model.AuditEntry view(AuditEntry entry, Map<String, String> labels) {
        AuditActor actor = new AuditActor().type(AuditActor.TypeEnum.fromValue(entry.getActorType().wireName()))
                .id(entry.getActorId());
        if (entry.getActorType() == Actor.Type.TOKEN) {
            actor.label(labels.get(entry.getActorId()));
        } else if (Actor.BOOTSTRAP_ADMIN.equals(entry.getActorId())) {
            actor.label("LEADCAST_ADMIN_TOKEN");
        }
        List<String> attributes = entry.getAttributes();
        return new com.leadcast.api.model.AuditEntry()
                .id(entry.getId())
                .at(AdminEndpoint.time(entry.getAt()))
                .tenantId(entry.getTenantId())
                .action(entry.getAction())
                .resourceType(entry.getResourceType())
                .resourceId(entry.getResourceId())
                .status(entry.getStatus())
                .scimType(entry.getScimType())
                .actor(actor)
                .requestId(entry.getRequestId())
                .attributes(attributes.isEmpty() ? null : attributes);
    }
}
