// The ERP resources served under /api/<path>: each declared once, routes generated from it.
import { z } from "zod";
import { defineResource } from "./define.ts";
import * as f from "../platform/fields.ts";

const status = <T extends [string, ...string[]]>(...values: T) => z.enum(values);

const projectStatus = status("planning", "active", "on_hold", "completed", "cancelled");
const taskStatus = status("todo", "in_progress", "review", "done", "cancelled");
const priority = status("low", "medium", "high", "urgent");
const invoiceStatus = status("draft", "sent", "paid", "partially_paid", "overdue", "cancelled");
const quotationStatus = status("draft", "sent", "accepted", "rejected", "expired");
const leadStatus = status("new", "contacted", "qualified", "proposal", "won", "lost");
const employeeStatus = status("active", "on_leave", "terminated");
const attendanceStatus = status("present", "absent", "half_day", "leave", "holiday");
const leaveType = status("casual", "sick", "earned", "unpaid", "maternity", "paternity");
const leaveStatus = status("pending", "approved", "rejected", "cancelled");
const poStatus = status("draft", "submitted", "approved", "received", "cancelled");
const gstTreatment = status("registered", "unregistered", "composition", "consumer", "sez", "overseas");
const taxPayment = status("igst", "lut");
const GSTIN_STATE = { path: "gstin", message: "must start with the state code given (stateCode)" };

const address = {
  address: f.longText().optional(),
  city: f.text(100).optional(),
  state: f.text(100).optional(),
  stateCode: f.stateCode().optional(),
  pincode: f.pincode().optional(),
};

export const resources = [
  defineResource({
    path: "clients",
    table: "clients",
    fields: {
      name: f.text(200),
      legalName: f.text(200).optional(),
      email: f.email().optional(),
      phone: f.phone().optional(),
      gstin: f.gstin().optional(),
      pan: f.pan().optional(),
      ...address,
      /** How supplies to the client are taxed: sez ones are inter-state, overseas ones exports. */
      gstTreatment: gstTreatment.optional(),
      paymentTermsDays: z.number().int().min(0).max(365).optional(),
      notes: f.longText().optional(),
      isActive: z.boolean().optional(),
    },
    filters: { isActive: z.stringbool().optional(), stateCode: f.stateCode().optional() },
    constraints: { clients_gstin_state: GSTIN_STATE },
  }),
  defineResource({
    path: "projects",
    table: "projects",
    fields: {
      name: f.text(200),
      clientId: f.ref().optional(),
      status: projectStatus.optional(),
      startDate: f.date().optional(),
      endDate: f.date().optional(),
      budget: f.money().optional(),
      description: f.longText().optional(),
    },
    filters: { status: projectStatus.optional(), clientId: f.ref().optional() },
    planLimit: "projects",
  }),
  defineResource({
    path: "tasks",
    table: "tasks",
    fields: {
      title: f.text(300),
      projectId: f.ref().optional(),
      description: f.longText().optional(),
      status: taskStatus.optional(),
      priority: priority.optional(),
      assigneeId: f.ref().optional(),
      startDate: f.date().optional(),
      dueDate: f.date().optional(),
      estimatedHours: f.decimal(2, 100_000).optional(),
    },
    filters: {
      projectId: f.ref().optional(),
      status: taskStatus.optional(),
      priority: priority.optional(),
      assigneeId: f.ref().optional(),
    },
  }),
  defineResource({
    path: "invoices",
    table: "invoices",
    fields: {
      invoiceNumber: f.documentNumber().optional(),
      clientId: f.ref(),
      projectId: f.ref().optional(),
      status: invoiceStatus.optional(),
      issueDate: f.date().optional(),
      dueDate: f.date().optional(),
      placeOfSupply: f.placeOfSupply().optional(),
      /** Exports and SEZ supplies: with payment of IGST, or without under the agency's LUT. */
      taxPayment: taxPayment.optional(),
      isReverseCharge: z.boolean().optional(),
      /** Required with status cancelled. */
      cancellationReason: f.text(500).optional(),
      notes: f.longText().optional(),
    },
    filters: {
      status: invoiceStatus.optional(),
      clientId: f.ref().optional(),
      projectId: f.ref().optional(),
    },
    computed: {
      // Rule 46, copied when the invoice is issued.
      supplierGstin: z.string().nullable(),
      clientGstin: z.string().nullable(),
      clientName: z.string().nullable(),
      clientAddress: z.string().nullable(),
      clientStateCode: z.string().nullable(),
      lutReference: z.string().nullable(),
      isBillOfSupply: z.boolean(),
      // Settlement: payments (cash and TDS) and notes, in the invoice's currency.
      amountReceived: f.numericString(),
      tdsDeducted: f.numericString(),
      amountCredited: f.numericString(),
      amountDebited: f.numericString(),
      amountOutstanding: f.numericString(),
      cancelledAt: f.timestamp().nullable(),
    },
    items: {
      table: "invoice_items",
      foreignKey: "invoice_id",
      numberField: "invoiceNumber",
      series: "invoice",
      dateField: "issueDate",
      changeableAfterIssue: ["status", "notes", "dueDate", "cancellationReason"],
    },
  }),
  defineResource({
    path: "quotations",
    table: "quotations",
    fields: {
      quotationNumber: f.documentNumber().optional(),
      clientId: f.ref(),
      projectId: f.ref().optional(),
      leadId: f.ref().optional(),
      status: quotationStatus.optional(),
      issueDate: f.date().optional(),
      validUntil: f.date().optional(),
      placeOfSupply: f.placeOfSupply().optional(),
      taxPayment: taxPayment.optional(),
      notes: f.longText().optional(),
    },
    filters: { status: quotationStatus.optional(), clientId: f.ref().optional() },
    items: {
      table: "quotation_items",
      foreignKey: "quotation_id",
      numberField: "quotationNumber",
      series: "quotation",
      dateField: "issueDate",
    },
  }),
  defineResource({
    path: "leads",
    table: "leads",
    fields: {
      name: f.text(200),
      company: f.text(200).optional(),
      email: f.email().optional(),
      phone: f.phone().optional(),
      sourceId: f.ref().optional(),
      status: leadStatus.optional(),
      estimatedValue: f.money().optional(),
      assignedTo: f.ref().optional(),
      nextFollowUpDate: f.date().optional(),
      notes: f.longText().optional(),
    },
    filters: { status: leadStatus.optional(), assignedTo: f.ref().optional() },
  }),
  defineResource({
    path: "employees",
    table: "employee_details",
    fields: {
      employeeCode: f.text(50),
      firstName: f.text(100),
      lastName: f.text(100).optional(),
      email: f.email().optional(),
      phone: f.phone().optional(),
      userId: f.ref().optional(),
      departmentId: f.ref().optional(),
      designation: f.text(100).optional(),
      dateOfJoining: f.date().optional(),
      salary: f.money().optional(),
      pan: f.pan().optional(),
      status: employeeStatus.optional(),
    },
    filters: { status: employeeStatus.optional(), departmentId: f.ref().optional() },
  }),
  defineResource({
    path: "attendance",
    table: "attendance",
    fields: {
      employeeId: f.ref(),
      date: f.date(),
      checkIn: f.timestamp().optional(),
      checkOut: f.timestamp().optional(),
      status: attendanceStatus.optional(),
      notes: f.longText().optional(),
    },
    filters: {
      employeeId: f.ref().optional(),
      date: f.date().optional(),
      status: attendanceStatus.optional(),
    },
  }),
  defineResource({
    path: "leave-requests",
    table: "leave_requests",
    fields: {
      employeeId: f.ref(),
      leaveType,
      startDate: f.date(),
      endDate: f.date(),
      isHalfDay: z.boolean().optional(),
      reason: f.longText().optional(),
      status: leaveStatus.optional(),
    },
    filters: { employeeId: f.ref().optional(), status: leaveStatus.optional() },
  }),
  defineResource({
    path: "inventory-items",
    table: "inventory_items",
    fields: {
      sku: f.text(64),
      name: f.text(200),
      description: f.longText().optional(),
      hsnSac: f.hsnSac().optional(),
      unit: f.text(20).optional(),
      unitPrice: f.money().optional(),
      gstRate: f.gstRate().optional(),
      reorderLevel: f.decimal(3, 1e9).optional(),
      warehouseId: f.ref().optional(),
      supplierId: f.ref().optional(),
      isActive: z.boolean().optional(),
    },
    filters: {
      warehouseId: f.ref().optional(),
      supplierId: f.ref().optional(),
      isActive: z.stringbool().optional(),
    },
  }),
  defineResource({
    path: "warehouses",
    table: "warehouses",
    fields: { name: f.text(200), code: f.text(30).optional(), ...address, isActive: z.boolean().optional() },
    filters: { isActive: z.stringbool().optional() },
  }),
  defineResource({
    path: "suppliers",
    table: "suppliers",
    fields: {
      name: f.text(200),
      contactPerson: f.text(200).optional(),
      email: f.email().optional(),
      phone: f.phone().optional(),
      gstin: f.gstin().optional(),
      pan: f.pan().optional(),
      ...address,
      paymentTermsDays: z.number().int().min(0).max(365).optional(),
      notes: f.longText().optional(),
      isActive: z.boolean().optional(),
    },
    filters: { isActive: z.stringbool().optional() },
    constraints: { suppliers_gstin_state: GSTIN_STATE },
  }),
  defineResource({
    path: "purchase-orders",
    table: "purchase_orders",
    fields: {
      poNumber: f.documentNumber().optional(),
      supplierId: f.ref(),
      warehouseId: f.ref().optional(),
      projectId: f.ref().optional(),
      status: poStatus.optional(),
      orderDate: f.date().optional(),
      expectedDate: f.date().optional(),
      placeOfSupply: f.placeOfSupply().optional(),
      notes: f.longText().optional(),
    },
    filters: { status: poStatus.optional(), supplierId: f.ref().optional() },
    items: {
      table: "purchase_order_items",
      foreignKey: "purchase_order_id",
      numberField: "poNumber",
      series: "purchase_order",
      dateField: "orderDate",
    },
  }),
];
