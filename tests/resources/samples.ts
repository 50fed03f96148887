// Valid create bodies for every resource in src/resources/erp.ts, with what the server must answer
// for them (numbers as exact decimal strings at the column's scale, timestamps in UTC), and the
// parent rows they point at, created through the API first.
import type { Api } from "../support/fixtures.ts";
import { dataOf, hex } from "../support/fixtures.ts";

export type Parents = {
  userId: string;
  clientId: string;
  projectId: string;
  employeeId: string;
  warehouseId: string;
  supplierId: string;
  leadId: string;
};

export type Sample = {
  /** A valid create body (unique values each call). */
  body: Record<string, unknown>;
  /** The body's fields as the server stores and returns them, where they differ. */
  stored?: Record<string, unknown>;
};

type SampleSpec = {
  make(p: Parents): Sample;
  /** One field changed by PATCH, and how it reads back. */
  patch: Record<string, unknown>;
  patched?: Record<string, unknown>;
};

// Attendance is unique per (employee, date): every sample gets its own day.
let dayCounter = 0;
const nextDay = () => new Date(Date.UTC(2026, 0, 1) + dayCounter++ * 86_400_000).toISOString().slice(0, 10);

/** The agency's GST registration in the samples: Karnataka (29); sample clients are in Maharashtra
 * (27) and documents are supplied there, so their tax is IGST. */
export const AGENCY_GSTIN = "29ABCDE1234F1ZW";

/** 2 × 1500.25 @ 18% + 1.5 × 99.99 @ 5%: lines 3000.50 (+540.09) and 149.99 (+7.50), inter-state. */
export const ITEMS = [
  {
    description: "Brand identity design",
    hsnSac: "998391",
    unit: "hrs",
    quantity: "2",
    unitPrice: "1500.25",
    gstRate: 18,
  },
  { description: "Printing", hsnSac: "4911", quantity: 1.5, unitPrice: 99.99, gstRate: 5 },
];
export const ITEMS_TOTALS = {
  subtotal: "3150.49",
  taxAmount: "547.59",
  igstAmount: "547.59",
  cgstAmount: "0.00",
  sgstAmount: "0.00",
  totalAmount: "3698.08",
};

export const samples: Record<string, SampleSpec> = {
  clients: {
    make: () => {
      const u = hex(8);
      return {
        body: {
          name: `Client ${u}`,
          legalName: `Client ${u} Private Limited`,
          email: `billing-${u}@example.com`,
          phone: "+91 98765 43210",
          gstin: "27AAPFU0939F1ZV",
          pan: "AAPFU0939F",
          address: "12 Marine Drive",
          city: "Mumbai",
          state: "Maharashtra",
          stateCode: "27",
          pincode: "400001",
          paymentTermsDays: 45,
          notes: "Key account",
          isActive: true,
        },
      };
    },
    patch: { paymentTermsDays: 60 },
  },
  projects: {
    make: (p) => ({
      body: {
        name: `Project ${hex(8)}`,
        clientId: p.clientId,
        status: "active",
        startDate: "2026-01-01",
        endDate: "2026-06-30",
        budget: "250000.50",
        description: "Website relaunch",
      },
    }),
    patch: { budget: 300000 },
    patched: { budget: "300000.00" },
  },
  tasks: {
    make: (p) => ({
      body: {
        title: `Task ${hex(8)}`,
        projectId: p.projectId,
        description: "Draft the home page",
        status: "in_progress",
        priority: "high",
        assigneeId: p.userId,
        startDate: "2026-01-05",
        dueDate: "2026-01-20",
        estimatedHours: "12.5",
      },
      stored: { estimatedHours: "12.50" },
    }),
    patch: { status: "done" },
  },
  invoices: {
    make: (p) => ({
      body: {
        clientId: p.clientId,
        projectId: p.projectId,
        status: "draft",
        issueDate: "2026-02-01",
        dueDate: "2027-03-03", // after the day it is issued (the date of issue, see documents.ts)
        placeOfSupply: "27",
        notes: "Thank you",
        items: ITEMS,
      },
      stored: ITEMS_TOTALS,
    }),
    patch: { status: "sent" },
  },
  quotations: {
    make: (p) => ({
      body: {
        clientId: p.clientId,
        projectId: p.projectId,
        leadId: p.leadId,
        status: "draft",
        issueDate: "2026-01-10",
        validUntil: "2026-02-10",
        placeOfSupply: "27",
        notes: "Valid for 30 days",
        items: ITEMS,
      },
      stored: ITEMS_TOTALS,
    }),
    patch: { status: "accepted" },
  },
  leads: {
    make: (p) => {
      const u = hex(8);
      return {
        body: {
          name: `Lead ${u}`,
          company: `Prospect ${u}`,
          email: `lead-${u}@example.com`,
          phone: "022-2345-6789",
          status: "qualified",
          estimatedValue: "50000",
          assignedTo: p.userId,
          nextFollowUpDate: "2026-02-15",
          notes: "Met at the expo",
        },
        stored: { estimatedValue: "50000.00" },
      };
    },
    patch: { status: "won" },
  },
  employees: {
    make: () => {
      const u = hex(8);
      return {
        body: {
          employeeCode: `E-${u}`,
          firstName: "Priya",
          lastName: `Sharma ${u}`,
          email: `priya-${u}@example.com`,
          phone: "+919876543210",
          designation: "Designer",
          dateOfJoining: "2025-04-01",
          salary: "85000.00",
          pan: "ABCDE1234F",
          status: "active",
        },
      };
    },
    patch: { designation: "Senior Designer" },
  },
  attendance: {
    make: (p) => {
      const date = nextDay();
      return {
        body: {
          employeeId: p.employeeId,
          date,
          checkIn: `${date}T09:00:00+05:30`,
          checkOut: `${date}T18:30:00+05:30`,
          status: "present",
          notes: "On site",
        },
        stored: { checkIn: `${date}T03:30:00.000Z`, checkOut: `${date}T13:00:00.000Z` },
      };
    },
    patch: { status: "half_day" },
  },
  "leave-requests": {
    make: (p) => ({
      body: {
        employeeId: p.employeeId,
        leaveType: "casual",
        startDate: "2026-03-10",
        endDate: "2026-03-11",
        isHalfDay: false,
        reason: "Family function",
        status: "pending",
      },
    }),
    patch: { status: "approved" },
  },
  "inventory-items": {
    make: (p) => ({
      body: {
        sku: `SKU-${hex(10)}`,
        name: "Vinyl banner roll",
        description: "3 ft x 150 ft",
        hsnSac: "3919",
        unit: "roll",
        unitPrice: "1250",
        gstRate: 18,
        reorderLevel: "5",
        warehouseId: p.warehouseId,
        supplierId: p.supplierId,
        isActive: true,
      },
      stored: { unitPrice: "1250.00", gstRate: "18.00", reorderLevel: "5.000" },
    }),
    patch: { gstRate: 12 },
    patched: { gstRate: "12.00" },
  },
  warehouses: {
    make: () => ({
      body: {
        name: `Warehouse ${hex(6)}`,
        code: `WH-${hex(8)}`,
        address: "Plot 4, Peenya Industrial Area",
        city: "Bengaluru",
        state: "Karnataka",
        stateCode: "29",
        pincode: "560058",
        isActive: true,
      },
    }),
    patch: { city: "Mysuru" },
  },
  suppliers: {
    make: () => {
      const u = hex(8);
      return {
        body: {
          name: `Supplier ${u}`,
          contactPerson: "Ravi Kumar",
          email: `sales-${u}@example.com`,
          phone: "080 2345 6789",
          gstin: "29aaacr5055k1z3",
          pan: "aaacr5055k",
          address: "MG Road",
          city: "Bengaluru",
          state: "Karnataka",
          stateCode: "29",
          pincode: "560001",
          paymentTermsDays: 30,
          notes: "Net 30",
          isActive: true,
        },
        stored: { gstin: "29AAACR5055K1Z3", pan: "AAACR5055K" },
      };
    },
    patch: { isActive: false },
  },
  "purchase-orders": {
    make: (p) => ({
      body: {
        supplierId: p.supplierId,
        warehouseId: p.warehouseId,
        projectId: p.projectId,
        status: "draft",
        orderDate: "2026-01-15",
        expectedDate: "2026-01-30",
        placeOfSupply: "27",
        notes: "Deliver to the back gate",
        items: ITEMS,
      },
      stored: ITEMS_TOTALS,
    }),
    patch: { status: "submitted" },
  },
};

/** Creates a row through the API from the resource's sample; returns the response's data. */
export async function createSample(api: Api, path: string, parents: Parents) {
  const { body } = samples[path].make(parents);
  return dataOf(await api.post(`/api/${path}`, body), 201);
}

/** One row of each parent kind an agency's samples point at, and the agency's GST registration. */
export async function createParents(api: Api, userId: string): Promise<Parents> {
  dataOf(await api.put("/api/settings/gst", { gstin: AGENCY_GSTIN, legalName: "Sample Agency LLP" }));
  const partial = { userId } as Parents;
  const id = async (path: string) => (await createSample(api, path, partial)).id as string;
  partial.clientId = await id("clients");
  partial.projectId = await id("projects");
  partial.employeeId = await id("employees");
  partial.warehouseId = await id("warehouses");
  partial.supplierId = await id("suppliers");
  partial.leadId = await id("leads");
  return partial;
}
