package dev.kizuna.core.plan;

import dev.kizuna.core.Owner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleAssignmentTest {
    @Test
    void missingRoleOrPersonIsRejectedByName() {
        Owner ann = Owner.of("ann@example.com", "Ann");
        assertEquals("assignment.role", assertThrows(NullPointerException.class,
                () -> RoleAssignment.of(null, ann)).getMessage());
        assertEquals("assignment.person", assertThrows(NullPointerException.class,
                () -> RoleAssignment.of(CsRole.CS_LEAD, null)).getMessage());
    }

    @Test
    void onlyTheCustomerSuccessLadderIsCustomerSuccess() {
        assertTrue(CsRole.CHIEF_CUSTOMER_OFFICER.isCustomerSuccess());
        assertTrue(CsRole.CS_ASSOCIATE.isCustomerSuccess());
        assertFalse(CsRole.SALES.isCustomerSuccess());
        assertFalse(CsRole.PRODUCT.isCustomerSuccess());
    }
}
