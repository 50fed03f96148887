// Generated from /openapi.json by `deno task client:generate` (openapi-typescript): do not edit.
// tests/client/generated.test.ts fails when this file no longer matches the API's document.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Process is up */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Catalog and pooler answer (503 with the failed checks otherwise) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics: requests by route and status, latency, registry and admission
         * @description For the scraper only: METRICS_TOKEN as a bearer token (else 401). Without METRICS_TOKEN configured the route is not served (404).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an agency with its own database and first admin
         * @description Without a token, only a self-service plan (the free one by default; any other is 403 plan_not_available, naming those it may take). With a platform token, as the admin routes check it, any active plan (viewers get 403). With OPEN_SIGNUP=false the token is required.
         */
        post: operations["signupAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in to an agency
         * @description Unknown email and wrong password get the same 401. A user of several agencies passes agencyDatabase (else 400 naming them).
         */
        post: operations["loginAgencyUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session: the presented token is refused from now on */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the token's user */
        post: operations["logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The token's user and agency */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (the current one required); every other session ends */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the agency's users */
        get: operations["listUsers"];
        put?: never;
        /** Add a user (admins); 403 plan_limit_reached past the plan's users or storage */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read a user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change role, name or active flag (admins); reactivating past the plan's users is 403 */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/settings/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Document series prefixes */
        get: operations["getDocumentPrefixes"];
        /** Set the document series prefixes (admins) */
        put: operations["setDocumentPrefixes"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings/gst": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency's GST registration ({data: null} before one is set) */
        get: operations["getGstRegistration"];
        /** Set the agency's GST registration (admins); state and PAN follow from the GSTIN */
        put: operations["setGstRegistration"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage against the plan: users, projects and storage, each {used, limit} */
        get: operations["getUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's audit trail, newest first (admins)
         * @description Creates, updates (changed fields only), deletes, logins and failed logins.
         */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List clients, newest first */
        get: operations["listClients"];
        put?: never;
        /**
         * Create one of clients
         * @description 403 plan_limit_reached while storage is over the plan.
         */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of clients */
        get: operations["getClient"];
        put?: never;
        post?: never;
        /** Delete one of clients (admins) */
        delete: operations["deleteClient"];
        options?: never;
        head?: never;
        /** Change one of clients */
        patch: operations["updateClient"];
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects, newest first */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create one of projects
         * @description 403 plan_limit_reached while storage is over the plan, or past the plan's projects,.
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of projects */
        get: operations["getProject"];
        put?: never;
        post?: never;
        /** Delete one of projects (admins) */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        /** Change one of projects */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tasks, newest first */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create one of tasks
         * @description 403 plan_limit_reached while storage is over the plan.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of tasks */
        get: operations["getTask"];
        put?: never;
        post?: never;
        /** Delete one of tasks (admins) */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /** Change one of tasks */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/api/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invoices, newest first */
        get: operations["listInvoices"];
        put?: never;
        /**
         * Create one of invoices
         * @description 403 plan_limit_reached while storage is over the plan. The server computes line amounts, GST and totals.
         */
        post: operations["createInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of invoices */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        /** Delete a draft of invoices (admins); an issued one is 409: cancel it instead */
        delete: operations["deleteInvoice"];
        options?: never;
        head?: never;
        /** Change one of invoices */
        patch: operations["updateInvoice"];
        trace?: never;
    };
    "/api/quotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List quotations, newest first */
        get: operations["listQuotations"];
        put?: never;
        /**
         * Create one of quotations
         * @description 403 plan_limit_reached while storage is over the plan. The server computes line amounts, GST and totals.
         */
        post: operations["createQuotation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of quotations */
        get: operations["getQuotation"];
        put?: never;
        post?: never;
        /** Delete a draft of quotations (admins); an issued one is 409: cancel it instead */
        delete: operations["deleteQuotation"];
        options?: never;
        head?: never;
        /** Change one of quotations */
        patch: operations["updateQuotation"];
        trace?: never;
    };
    "/api/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List leads, newest first */
        get: operations["listLeads"];
        put?: never;
        /**
         * Create one of leads
         * @description 403 plan_limit_reached while storage is over the plan.
         */
        post: operations["createLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/leads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of leads */
        get: operations["getLead"];
        put?: never;
        post?: never;
        /** Delete one of leads (admins) */
        delete: operations["deleteLead"];
        options?: never;
        head?: never;
        /** Change one of leads */
        patch: operations["updateLead"];
        trace?: never;
    };
    "/api/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List employees, newest first */
        get: operations["listEmployees"];
        put?: never;
        /**
         * Create one of employees
         * @description 403 plan_limit_reached while storage is over the plan.
         */
        post: operations["createEmployee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/employees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of employees */
        get: operations["getEmployee"];
        put?: never;
        post?: never;
        /** Delete one of employees (admins) */
        delete: operations["deleteEmployee"];
        options?: never;
        head?: never;
        /** Change one of employees */
        patch: operations["updateEmployee"];
        trace?: never;
    };
    "/api/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List attendance, newest first */
        get: operations["listAttendance"];
        put?: never;
        /**
         * Create one of attendance
         * @description 403 plan_limit_reached while storage is over the plan.
         */
        post: operations["createAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of attendance */
        get: operations["getAttendance"];
        put?: never;
        post?: never;
        /** Delete one of attendance (admins) */
        delete: operations["deleteAttendance"];
        options?: never;
        head?: never;
        /** Change one of attendance */
        patch: operations["updateAttendance"];
        trace?: never;
    };
    "/api/leave-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List leave-requests, newest first */
        get: operations["listLeaveRequests"];
        put?: never;
        /**
         * Create one of leave-requests
         * @description 403 plan_limit_reached while storage is over the plan.
         */
        post: operations["createLeaveRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/leave-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of leave-requests */
        get: operations["getLeaveRequest"];
        put?: never;
        post?: never;
        /** Delete one of leave-requests (admins) */
        delete: operations["deleteLeaveRequest"];
        options?: never;
        head?: never;
        /** Change one of leave-requests */
        patch: operations["updateLeaveRequest"];
        trace?: never;
    };
    "/api/inventory-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List inventory-items, newest first */
        get: operations["listInventoryItems"];
        put?: never;
        /**
         * Create one of inventory-items
         * @description 403 plan_limit_reached while storage is over the plan.
         */
        post: operations["createInventoryItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of inventory-items */
        get: operations["getInventoryItem"];
        put?: never;
        post?: never;
        /** Delete one of inventory-items (admins) */
        delete: operations["deleteInventoryItem"];
        options?: never;
        head?: never;
        /** Change one of inventory-items */
        patch: operations["updateInventoryItem"];
        trace?: never;
    };
    "/api/warehouses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List warehouses, newest first */
        get: operations["listWarehouses"];
        put?: never;
        /**
         * Create one of warehouses
         * @description 403 plan_limit_reached while storage is over the plan.
         */
        post: operations["createWarehouse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/warehouses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of warehouses */
        get: operations["getWarehouse"];
        put?: never;
        post?: never;
        /** Delete one of warehouses (admins) */
        delete: operations["deleteWarehouse"];
        options?: never;
        head?: never;
        /** Change one of warehouses */
        patch: operations["updateWarehouse"];
        trace?: never;
    };
    "/api/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List suppliers, newest first */
        get: operations["listSuppliers"];
        put?: never;
        /**
         * Create one of suppliers
         * @description 403 plan_limit_reached while storage is over the plan.
         */
        post: operations["createSupplier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of suppliers */
        get: operations["getSupplier"];
        put?: never;
        post?: never;
        /** Delete one of suppliers (admins) */
        delete: operations["deleteSupplier"];
        options?: never;
        head?: never;
        /** Change one of suppliers */
        patch: operations["updateSupplier"];
        trace?: never;
    };
    "/api/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List purchase-orders, newest first */
        get: operations["listPurchaseOrders"];
        put?: never;
        /**
         * Create one of purchase-orders
         * @description 403 plan_limit_reached while storage is over the plan. The server computes line amounts, GST and totals.
         */
        post: operations["createPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/purchase-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read one of purchase-orders */
        get: operations["getPurchaseOrder"];
        put?: never;
        post?: never;
        /** Delete a draft of purchase-orders (admins); an issued one is 409: cancel it instead */
        delete: operations["deletePurchaseOrder"];
        options?: never;
        head?: never;
        /** Change one of purchase-orders */
        patch: operations["updatePurchaseOrder"];
        trace?: never;
    };
    "/api/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List credit notes, newest first */
        get: operations["listCreditNotes"];
        put?: never;
        /**
         * Issue a credit note on one or more issued invoices of one client (CGST Act s. 34)
         * @description Numbered in its own series (prefix CN unless set), taxed as its invoices (place of supply, LUT, rates of the first invoice's date). 409 when it would credit an invoice past its total; 400 after 30 November following the invoice's financial year (s. 34(2)).
         */
        post: operations["createCreditNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credit-notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read a credit note */
        get: operations["getCreditNote"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Cancel a credit note, with a reason; its invoices get back what it moved (final) */
        patch: operations["cancelCreditNote"];
        trace?: never;
    };
    "/api/debit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List debit notes, newest first */
        get: operations["listDebitNotes"];
        put?: never;
        /**
         * Issue a debit note on one or more issued invoices of one client (CGST Act s. 34)
         * @description Numbered in its own series (prefix DN unless set), taxed as its invoices (place of supply, LUT, rates of the first invoice's date). Adds to what is outstanding on the invoices.
         */
        post: operations["createDebitNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/debit-notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read a debit note */
        get: operations["getDebitNote"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Cancel a debit note, with a reason; its invoices get back what it moved (final) */
        patch: operations["cancelDebitNote"];
        trace?: never;
    };
    "/api/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List payments received, newest first */
        get: operations["listPayments"];
        put?: never;
        /**
         * Record a payment (cash and TDS) allocated to a client's issued invoices
         * @description TDS under 194J (10 or 2 %) or 194C (1 or 2 %). Each invoice's status follows: paid when cash, TDS and credit notes cover it, partially_paid before. 409 when an allocation exceeds what is outstanding.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Read a payment */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/e-invoice": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /**
         * An issued invoice as the IRP's INV-01 JSON, schema 1.1 (B2B, SEZ and export supplies)
         * @description SupTyp B2B, SEZWP/SEZWOP or EXPWP/EXPWOP (with IGST or under LUT); DocDtls.No is the invoice number, Dt DD/MM/YYYY; amounts in rupees. 409 conflict naming what to fix: a draft or cancelled invoice (status), a bill of supply, a recipient without GSTIN (clientGstin: B2C is not e-invoiced), or the seller's settings.gst.address/pincode, the client's address, city or pincode, or a line's hsnSac (4, 6 or 8 digits) missing.
         */
        get: operations["getInvoiceEInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/gst-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The GST rate table every agency's documents are checked against (operators) */
        get: operations["listGstRates"];
        put?: never;
        /** Add a rate from a date (owners, operators): in force in every agency from that date */
        post: operations["createGstRate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/gst-rates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Close a rate on its last day (validTo), or reopen it with null (owners, operators) */
        patch: operations["closeGstRate"];
        trace?: never;
    };
    "/api/admin/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in as a platform operator */
        post: operations["loginOperator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agencies (operators) */
        get: operations["listAgencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** An agency and its latest lifecycle events (operators) */
        get: operations["getAgency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an agency (owners and operators) */
        post: operations["suspendAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume an agency (owners and operators) */
        post: operations["resumeAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive an agency (owners and operators) */
        post: operations["archiveAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an agency (owners and operators): an archived one from its archive (no body); with `targetTime`, a live one's data as it was at that instant, from its cluster's backups (400 naming the recoverable window when outside it; its writes get 503 during the swap, other agencies nothing); with `undo: true`, the state the latest restore replaced */
        post: operations["restoreAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete an agency (owners and operators) */
        post: operations["deleteAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}/cold": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an agency cold now (owners and operators): its writes stop (423 while `cooling`), its database is dumped into the backup repository, verified and dropped; its first use wakes it */
        post: operations["coldAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}/wake": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Wake a cold agency now (owners and operators): its cold dump restored, migrated to the template's version if older; 503 agency_waking when its cluster has its share of wakes running */
        post: operations["wakeAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subscription plans with their limits and cold policy (operators) */
        get: operations["listPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/plans/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a plan's cold policy (owners and operators): `coldAfterSeconds` of inactivity before its agencies go cold (null: never), `coldWarningSeconds` before that, the warning */
        patch: operations["updatePlanColdPolicy"];
        trace?: never;
    };
    "/api/admin/agencies/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an agency to another cluster online (owners and operators): writes get 503 only during the final catch-up; 409 if it is there already, the cluster is not open, or another action runs; 503 if the move failed and was undone */
        post: operations["moveAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an agency to another plan (owners and operators); applies at once */
        post: operations["changeAgencyPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/agencies/{id}/users/{userId}/revoke-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of one agency user (owners and operators); written like any write to the agency (503 while it moves), with an audit row and an agency event */
        post: operations["revokeUserSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fleet statistics: agencies, database sizes, connections, pooler pools */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            /** @description For people */
            error: string;
            /** @description For programs: validation_failed, unauthorized, ... */
            code: string;
            issues?: {
                path?: string;
                message?: string;
            }[];
        };
        Agency: {
            /** Format: uuid */
            id: string;
            name: string;
            domain: string | null;
            databaseName: string;
            subscriptionPlan: string;
            /** @enum {string} */
            status: "provisioning" | "active" | "suspended" | "archiving" | "archived" | "cooling" | "cold" | "waking" | "deleted" | "failed";
            cluster: string;
            /** Format: date-time */
            createdAt: string;
        };
        SessionUser: {
            /** Format: uuid */
            id: string;
            /** Format: email */
            email: string;
            fullName: string;
            /** @enum {string} */
            role: "admin" | "manager" | "accountant" | "employee";
        };
        User: {
            /** Format: uuid */
            id: string;
            /** Format: email */
            email: string;
            fullName: string;
            /** @enum {string} */
            role: "admin" | "manager" | "accountant" | "employee";
            isActive: boolean;
            lastLoginAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        GstRegistration: {
            gstin: string;
            legalName: string;
            tradeName: string | null;
            pan: string;
            registrationType: string;
            state: string;
            stateCode: string;
            address: string | null;
            pincode: string | null;
            registrationDate: string | null;
            turnoverBand: string;
            lutReference: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        AuditEntry: {
            /** Format: uuid */
            id: string;
            actor: string | null;
            /** @enum {string} */
            action: "create" | "update" | "delete" | "login" | "login_failed" | "revoke_sessions";
            table: string | null;
            recordId: string | null;
            before: {
                [key: string]: unknown;
            } | null;
            after: {
                [key: string]: unknown;
            } | null;
            ipAddress: string | null;
            userAgent: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        Client: {
            /** Format: uuid */
            id: string;
            name: string;
            legalName: string | null;
            email: string | null;
            phone: string | null;
            gstin: string | null;
            pan: string | null;
            address: string | null;
            city: string | null;
            state: string | null;
            stateCode: string | null;
            pincode: string | null;
            gstTreatment: ("registered" | "unregistered" | "composition" | "consumer" | "sez" | "overseas") | null;
            paymentTermsDays: number | null;
            notes: string | null;
            isActive: boolean | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Project: {
            /** Format: uuid */
            id: string;
            name: string;
            clientId: string | null;
            status: ("planning" | "active" | "on_hold" | "completed" | "cancelled") | null;
            startDate: string | null;
            endDate: string | null;
            budget: string | null;
            description: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Task: {
            /** Format: uuid */
            id: string;
            title: string;
            projectId: string | null;
            description: string | null;
            status: ("todo" | "in_progress" | "review" | "done" | "cancelled") | null;
            priority: ("low" | "medium" | "high" | "urgent") | null;
            assigneeId: string | null;
            startDate: string | null;
            dueDate: string | null;
            estimatedHours: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        InvoiceSummary: {
            /** Format: uuid */
            id: string;
            invoiceNumber: string | null;
            /** Format: uuid */
            clientId: string;
            projectId: string | null;
            status: ("draft" | "sent" | "paid" | "partially_paid" | "overdue" | "cancelled") | null;
            issueDate: string | null;
            dueDate: string | null;
            placeOfSupply: string | null;
            taxPayment: ("igst" | "lut") | null;
            isReverseCharge: boolean | null;
            cancellationReason: string | null;
            notes: string | null;
            supplyType: ("intra_state" | "inter_state" | "export" | "sez") | null;
            placeOfSupplyState: string | null;
            subtotal: string;
            cgstAmount: string;
            sgstAmount: string;
            igstAmount: string;
            taxAmount: string;
            totalAmount: string;
            supplierGstin: string | null;
            clientGstin: string | null;
            clientName: string | null;
            clientAddress: string | null;
            clientStateCode: string | null;
            lutReference: string | null;
            isBillOfSupply: boolean;
            amountReceived: string;
            tdsDeducted: string;
            amountCredited: string;
            amountDebited: string;
            amountOutstanding: string;
            cancelledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Invoice: {
            /** Format: uuid */
            id: string;
            invoiceNumber: string | null;
            /** Format: uuid */
            clientId: string;
            projectId: string | null;
            status: ("draft" | "sent" | "paid" | "partially_paid" | "overdue" | "cancelled") | null;
            issueDate: string | null;
            dueDate: string | null;
            placeOfSupply: string | null;
            taxPayment: ("igst" | "lut") | null;
            isReverseCharge: boolean | null;
            cancellationReason: string | null;
            notes: string | null;
            supplyType: ("intra_state" | "inter_state" | "export" | "sez") | null;
            placeOfSupplyState: string | null;
            subtotal: string;
            cgstAmount: string;
            sgstAmount: string;
            igstAmount: string;
            taxAmount: string;
            totalAmount: string;
            supplierGstin: string | null;
            clientGstin: string | null;
            clientName: string | null;
            clientAddress: string | null;
            clientStateCode: string | null;
            lutReference: string | null;
            isBillOfSupply: boolean;
            amountReceived: string;
            tdsDeducted: string;
            amountCredited: string;
            amountDebited: string;
            amountOutstanding: string;
            cancelledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            items: components["schemas"]["LineItem"][];
        };
        LineItem: {
            /** Format: uuid */
            id: string;
            description: string;
            hsnSac: string | null;
            unit: string;
            quantity: string;
            unitPrice: string;
            gstRate: string;
            amount: string;
            cgstAmount: string;
            sgstAmount: string;
            igstAmount: string;
            taxAmount: string;
            position: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        QuotationSummary: {
            /** Format: uuid */
            id: string;
            quotationNumber: string | null;
            /** Format: uuid */
            clientId: string;
            projectId: string | null;
            leadId: string | null;
            status: ("draft" | "sent" | "accepted" | "rejected" | "expired") | null;
            issueDate: string | null;
            validUntil: string | null;
            placeOfSupply: string | null;
            taxPayment: ("igst" | "lut") | null;
            notes: string | null;
            supplyType: ("intra_state" | "inter_state" | "export" | "sez") | null;
            placeOfSupplyState: string | null;
            subtotal: string;
            cgstAmount: string;
            sgstAmount: string;
            igstAmount: string;
            taxAmount: string;
            totalAmount: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Quotation: {
            /** Format: uuid */
            id: string;
            quotationNumber: string | null;
            /** Format: uuid */
            clientId: string;
            projectId: string | null;
            leadId: string | null;
            status: ("draft" | "sent" | "accepted" | "rejected" | "expired") | null;
            issueDate: string | null;
            validUntil: string | null;
            placeOfSupply: string | null;
            taxPayment: ("igst" | "lut") | null;
            notes: string | null;
            supplyType: ("intra_state" | "inter_state" | "export" | "sez") | null;
            placeOfSupplyState: string | null;
            subtotal: string;
            cgstAmount: string;
            sgstAmount: string;
            igstAmount: string;
            taxAmount: string;
            totalAmount: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            items: components["schemas"]["LineItem"][];
        };
        Lead: {
            /** Format: uuid */
            id: string;
            name: string;
            company: string | null;
            email: string | null;
            phone: string | null;
            sourceId: string | null;
            status: ("new" | "contacted" | "qualified" | "proposal" | "won" | "lost") | null;
            estimatedValue: string | null;
            assignedTo: string | null;
            nextFollowUpDate: string | null;
            notes: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Employee: {
            /** Format: uuid */
            id: string;
            employeeCode: string;
            firstName: string;
            lastName: string | null;
            email: string | null;
            phone: string | null;
            userId: string | null;
            departmentId: string | null;
            designation: string | null;
            dateOfJoining: string | null;
            salary: string | null;
            pan: string | null;
            status: ("active" | "on_leave" | "terminated") | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Attendance: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            employeeId: string;
            /** Format: date */
            date: string;
            checkIn: string | null;
            checkOut: string | null;
            status: ("present" | "absent" | "half_day" | "leave" | "holiday") | null;
            notes: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        LeaveRequest: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            employeeId: string;
            /** @enum {string} */
            leaveType: "casual" | "sick" | "earned" | "unpaid" | "maternity" | "paternity";
            /** Format: date */
            startDate: string;
            /** Format: date */
            endDate: string;
            isHalfDay: boolean | null;
            reason: string | null;
            status: ("pending" | "approved" | "rejected" | "cancelled") | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        InventoryItem: {
            /** Format: uuid */
            id: string;
            sku: string;
            name: string;
            description: string | null;
            hsnSac: string | null;
            unit: string | null;
            unitPrice: string | null;
            gstRate: string | null;
            reorderLevel: string | null;
            warehouseId: string | null;
            supplierId: string | null;
            isActive: boolean | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Warehouse: {
            /** Format: uuid */
            id: string;
            name: string;
            code: string | null;
            address: string | null;
            city: string | null;
            state: string | null;
            stateCode: string | null;
            pincode: string | null;
            isActive: boolean | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Supplier: {
            /** Format: uuid */
            id: string;
            name: string;
            contactPerson: string | null;
            email: string | null;
            phone: string | null;
            gstin: string | null;
            pan: string | null;
            address: string | null;
            city: string | null;
            state: string | null;
            stateCode: string | null;
            pincode: string | null;
            paymentTermsDays: number | null;
            notes: string | null;
            isActive: boolean | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PurchaseOrderSummary: {
            /** Format: uuid */
            id: string;
            poNumber: string | null;
            /** Format: uuid */
            supplierId: string;
            warehouseId: string | null;
            projectId: string | null;
            status: ("draft" | "submitted" | "approved" | "received" | "cancelled") | null;
            orderDate: string | null;
            expectedDate: string | null;
            placeOfSupply: string | null;
            notes: string | null;
            supplyType: ("intra_state" | "inter_state" | "export" | "sez") | null;
            placeOfSupplyState: string | null;
            subtotal: string;
            cgstAmount: string;
            sgstAmount: string;
            igstAmount: string;
            taxAmount: string;
            totalAmount: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PurchaseOrder: {
            /** Format: uuid */
            id: string;
            poNumber: string | null;
            /** Format: uuid */
            supplierId: string;
            warehouseId: string | null;
            projectId: string | null;
            status: ("draft" | "submitted" | "approved" | "received" | "cancelled") | null;
            orderDate: string | null;
            expectedDate: string | null;
            placeOfSupply: string | null;
            notes: string | null;
            supplyType: ("intra_state" | "inter_state" | "export" | "sez") | null;
            placeOfSupplyState: string | null;
            subtotal: string;
            cgstAmount: string;
            sgstAmount: string;
            igstAmount: string;
            taxAmount: string;
            totalAmount: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            items: components["schemas"]["LineItem"][];
        };
        CreditNote: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** Format: date */
            issueDate: string;
            reason: string;
            /** @enum {string} */
            status: "issued" | "cancelled";
            placeOfSupply: string | null;
            placeOfSupplyState: string | null;
            supplyType: ("intra_state" | "inter_state" | "export" | "sez") | null;
            taxPayment: ("igst" | "lut") | null;
            subtotal: string;
            cgstAmount: string;
            sgstAmount: string;
            igstAmount: string;
            taxAmount: string;
            totalAmount: string;
            cancelledAt: string | null;
            cancellationReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            creditNoteNumber: string;
            invoices: {
                /** Format: uuid */
                invoiceId: string;
                invoiceNumber: string;
                amount: string;
            }[];
            items: components["schemas"]["LineItem"][];
        };
        DebitNote: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** Format: date */
            issueDate: string;
            reason: string;
            /** @enum {string} */
            status: "issued" | "cancelled";
            placeOfSupply: string | null;
            placeOfSupplyState: string | null;
            supplyType: ("intra_state" | "inter_state" | "export" | "sez") | null;
            taxPayment: ("igst" | "lut") | null;
            subtotal: string;
            cgstAmount: string;
            sgstAmount: string;
            igstAmount: string;
            taxAmount: string;
            totalAmount: string;
            cancelledAt: string | null;
            cancellationReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            debitNoteNumber: string;
            invoices: {
                /** Format: uuid */
                invoiceId: string;
                invoiceNumber: string;
                amount: string;
            }[];
            items: components["schemas"]["LineItem"][];
        };
        Payment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** Format: date */
            paymentDate: string;
            amount: string;
            tdsSection: ("194J" | "194C") | null;
            tdsRate: string | null;
            tdsAmount: string;
            /** @enum {string} */
            paymentMethod: "cash" | "cheque" | "bank_transfer" | "neft" | "rtgs" | "imps" | "upi" | "card" | "other";
            referenceNumber: string | null;
            status: string;
            notes: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            allocations: {
                /** Format: uuid */
                invoiceId: string;
                invoiceNumber: string;
                amount: string;
                tdsAmount: string;
            }[];
        };
        EInvoice: {
            /** @constant */
            Version: "1.1";
            TranDtls: {
                /** @constant */
                TaxSch: "GST";
                /** @enum {string} */
                SupTyp: "B2B" | "SEZWP" | "SEZWOP" | "EXPWP" | "EXPWOP";
                /** @enum {string} */
                RegRev: "Y" | "N";
            };
            DocDtls: {
                /** @constant */
                Typ: "INV";
                No: string;
                Dt: string;
            };
            SellerDtls: {
                Gstin: string;
                LglNm: string;
                TrdNm?: string;
                Addr1: string;
                Addr2?: string;
                Loc: string;
                Pin: number;
                Stcd: string;
            };
            BuyerDtls: {
                Gstin: string;
                LglNm: string;
                TrdNm?: string;
                Addr1: string;
                Addr2?: string;
                Loc: string;
                Pin: number;
                Stcd: string;
                Pos: string;
            };
            ItemList: {
                SlNo: string;
                PrdDesc: string;
                /** @enum {string} */
                IsServc: "Y" | "N";
                HsnCd: string;
                Qty: number;
                Unit: string;
                UnitPrice: number;
                TotAmt: number;
                AssAmt: number;
                GstRt: number;
                IgstAmt: number;
                CgstAmt: number;
                SgstAmt: number;
                TotItemVal: number;
            }[];
            ValDtls: {
                AssVal: number;
                CgstVal: number;
                SgstVal: number;
                IgstVal: number;
                TotInvVal: number;
            };
        };
        GstRate: {
            /** Format: uuid */
            id: string;
            rate: string;
            /** Format: date */
            validFrom: string;
            validTo: string | null;
            description: string;
            notification: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AdminAgency: {
            /** Format: uuid */
            id: string;
            name: string;
            domain: string | null;
            databaseName: string;
            subscriptionPlan: string;
            /** @enum {string} */
            status: "provisioning" | "active" | "suspended" | "archiving" | "archived" | "cooling" | "cold" | "waking" | "deleted" | "failed";
            cluster: string;
            /** Format: date-time */
            createdAt: string;
            schemaVersion: string | null;
        };
    };
    responses: never;
    parameters: {
        /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
        agencyDatabase: string;
        /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
        consistencyToken: string;
    };
    requestBodies: never;
    headers: {
        /** @description On a write to an agency whose cluster has read replicas: where it committed. Send it back on reads to see the write. */
        consistencyToken: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ready";
                        checks: {
                            catalog: boolean;
                            pooler: boolean;
                            clusters: {
                                [key: string]: boolean;
                            } | false;
                        };
                    };
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": unknown;
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: METRICS_TOKEN is not configured */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    signupAgency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    domain?: string;
                    /** @default starter */
                    subscriptionPlan?: string;
                    region?: string;
                    admin: {
                        /** Format: email */
                        email: string;
                        password: string;
                        fullName: string;
                    };
                };
            };
        };
        responses: {
            /** @description The agency, its admin and a token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agency: components["schemas"]["Agency"];
                        user: components["schemas"]["SessionUser"];
                        token: string;
                        agencyDatabase: string;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    loginAgencyUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    agencyDatabase?: string;
                };
            };
        };
        responses: {
            /** @description A token for the user's agency */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        agencyDatabase: string;
                        user: components["schemas"]["SessionUser"];
                        agency: components["schemas"]["Agency"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    logoutAll: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user and the agency */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        agency: components["schemas"]["Agency"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description A new token for this session */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["User"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                    fullName: string;
                    /**
                     * @default employee
                     * @enum {string}
                     */
                    role?: "admin" | "manager" | "accountant" | "employee";
                };
            };
        };
        responses: {
            /** @description The new user */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["User"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["User"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fullName?: string;
                    /** @enum {string} */
                    role?: "admin" | "manager" | "accountant" | "employee";
                    isActive?: boolean;
                };
            };
        };
        responses: {
            /** @description The changed user */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["User"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDocumentPrefixes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The prefixes */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            invoicePrefix: string;
                            quotationPrefix: string;
                            purchaseOrderPrefix: string;
                            creditNotePrefix?: string;
                            debitNotePrefix?: string;
                        };
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setDocumentPrefixes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    invoicePrefix: string;
                    quotationPrefix: string;
                    purchaseOrderPrefix: string;
                    creditNotePrefix?: string;
                    debitNotePrefix?: string;
                };
            };
        };
        responses: {
            /** @description The prefixes */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            invoicePrefix: string;
                            quotationPrefix: string;
                            purchaseOrderPrefix: string;
                            creditNotePrefix?: string;
                            debitNotePrefix?: string;
                        };
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getGstRegistration: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registration */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["GstRegistration"] | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setGstRegistration: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    gstin: string;
                    legalName: string;
                    tradeName?: string | null;
                    /** @enum {string} */
                    registrationType?: "regular" | "composition" | "sez_unit" | "isd" | "casual";
                    address?: string | null;
                    pincode?: string | null;
                    registrationDate?: string | null;
                    /** @enum {string} */
                    turnoverBand?: "up_to_5_crore" | "above_5_crore";
                    lutReference?: string | null;
                };
            };
        };
        responses: {
            /** @description The registration */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["GstRegistration"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Usage */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: {
                            code: string;
                            name: string;
                        };
                        users: {
                            used: number;
                            limit: number;
                        };
                        projects: {
                            used: number;
                            limit: number;
                        };
                        storageMb: {
                            used: number;
                            limit: number;
                        };
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                table?: string;
                recordId?: string;
                actor?: string;
                action?: "create" | "update" | "delete" | "login" | "login_failed" | "revoke_sessions";
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                isActive?: string;
                stateCode?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Client"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    legalName?: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    gstin?: string;
                    pan?: string;
                    address?: string;
                    city?: string;
                    state?: string;
                    stateCode?: string;
                    pincode?: string;
                    /** @enum {string} */
                    gstTreatment?: "registered" | "unregistered" | "composition" | "consumer" | "sez" | "overseas";
                    paymentTermsDays?: number;
                    notes?: string;
                    isActive?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Client"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Client"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    legalName?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    gstin?: string | null;
                    pan?: string | null;
                    address?: string | null;
                    city?: string | null;
                    state?: string | null;
                    stateCode?: string | null;
                    pincode?: string | null;
                    gstTreatment?: ("registered" | "unregistered" | "composition" | "consumer" | "sez" | "overseas") | null;
                    paymentTermsDays?: number | null;
                    notes?: string | null;
                    isActive?: boolean | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Client"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "planning" | "active" | "on_hold" | "completed" | "cancelled";
                clientId?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Project"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: uuid */
                    clientId?: string;
                    /** @enum {string} */
                    status?: "planning" | "active" | "on_hold" | "completed" | "cancelled";
                    /** Format: date */
                    startDate?: string;
                    /** Format: date */
                    endDate?: string;
                    budget?: number | string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Project"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Project"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    clientId?: string | null;
                    status?: ("planning" | "active" | "on_hold" | "completed" | "cancelled") | null;
                    startDate?: string | null;
                    endDate?: string | null;
                    budget?: number | string | null;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Project"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                projectId?: string;
                status?: "todo" | "in_progress" | "review" | "done" | "cancelled";
                priority?: "low" | "medium" | "high" | "urgent";
                assigneeId?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** Format: uuid */
                    projectId?: string;
                    description?: string;
                    /** @enum {string} */
                    status?: "todo" | "in_progress" | "review" | "done" | "cancelled";
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "urgent";
                    /** Format: uuid */
                    assigneeId?: string;
                    /** Format: date */
                    startDate?: string;
                    /** Format: date */
                    dueDate?: string;
                    estimatedHours?: number | string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    projectId?: string | null;
                    description?: string | null;
                    status?: ("todo" | "in_progress" | "review" | "done" | "cancelled") | null;
                    priority?: ("low" | "medium" | "high" | "urgent") | null;
                    assigneeId?: string | null;
                    startDate?: string | null;
                    dueDate?: string | null;
                    estimatedHours?: number | string | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "draft" | "sent" | "paid" | "partially_paid" | "overdue" | "cancelled";
                clientId?: string;
                projectId?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InvoiceSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    invoiceNumber?: string;
                    /** Format: uuid */
                    clientId: string;
                    /** Format: uuid */
                    projectId?: string;
                    /** @enum {string} */
                    status?: "draft" | "sent" | "paid" | "partially_paid" | "overdue" | "cancelled";
                    /** Format: date */
                    issueDate?: string;
                    /** Format: date */
                    dueDate?: string;
                    placeOfSupply?: string;
                    /** @enum {string} */
                    taxPayment?: "igst" | "lut";
                    isReverseCharge?: boolean;
                    cancellationReason?: string;
                    notes?: string;
                    items: {
                        description: string;
                        hsnSac?: string;
                        unit?: string;
                        quantity: number | string;
                        unitPrice: number | string;
                        gstRate?: number | string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Invoice"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Invoice"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    invoiceNumber?: string | null;
                    /** Format: uuid */
                    clientId?: string;
                    projectId?: string | null;
                    status?: ("draft" | "sent" | "paid" | "partially_paid" | "overdue" | "cancelled") | null;
                    issueDate?: string | null;
                    dueDate?: string | null;
                    placeOfSupply?: string | null;
                    taxPayment?: ("igst" | "lut") | null;
                    isReverseCharge?: boolean | null;
                    cancellationReason?: string | null;
                    notes?: string | null;
                    items?: {
                        description: string;
                        hsnSac?: string;
                        unit?: string;
                        quantity: number | string;
                        unitPrice: number | string;
                        gstRate?: number | string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Invoice"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listQuotations: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "draft" | "sent" | "accepted" | "rejected" | "expired";
                clientId?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["QuotationSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createQuotation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quotationNumber?: string;
                    /** Format: uuid */
                    clientId: string;
                    /** Format: uuid */
                    projectId?: string;
                    /** Format: uuid */
                    leadId?: string;
                    /** @enum {string} */
                    status?: "draft" | "sent" | "accepted" | "rejected" | "expired";
                    /** Format: date */
                    issueDate?: string;
                    /** Format: date */
                    validUntil?: string;
                    placeOfSupply?: string;
                    /** @enum {string} */
                    taxPayment?: "igst" | "lut";
                    notes?: string;
                    items: {
                        description: string;
                        hsnSac?: string;
                        unit?: string;
                        quantity: number | string;
                        unitPrice: number | string;
                        gstRate?: number | string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quotation"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQuotation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quotation"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteQuotation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateQuotation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quotationNumber?: string | null;
                    /** Format: uuid */
                    clientId?: string;
                    projectId?: string | null;
                    leadId?: string | null;
                    status?: ("draft" | "sent" | "accepted" | "rejected" | "expired") | null;
                    issueDate?: string | null;
                    validUntil?: string | null;
                    placeOfSupply?: string | null;
                    taxPayment?: ("igst" | "lut") | null;
                    notes?: string | null;
                    items?: {
                        description: string;
                        hsnSac?: string;
                        unit?: string;
                        quantity: number | string;
                        unitPrice: number | string;
                        gstRate?: number | string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quotation"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listLeads: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "new" | "contacted" | "qualified" | "proposal" | "won" | "lost";
                assignedTo?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lead"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    company?: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    /** Format: uuid */
                    sourceId?: string;
                    /** @enum {string} */
                    status?: "new" | "contacted" | "qualified" | "proposal" | "won" | "lost";
                    estimatedValue?: number | string;
                    /** Format: uuid */
                    assignedTo?: string;
                    /** Format: date */
                    nextFollowUpDate?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lead"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lead"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    company?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    sourceId?: string | null;
                    status?: ("new" | "contacted" | "qualified" | "proposal" | "won" | "lost") | null;
                    estimatedValue?: number | string | null;
                    assignedTo?: string | null;
                    nextFollowUpDate?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lead"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEmployees: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "active" | "on_leave" | "terminated";
                departmentId?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Employee"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createEmployee: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    employeeCode: string;
                    firstName: string;
                    lastName?: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    /** Format: uuid */
                    userId?: string;
                    /** Format: uuid */
                    departmentId?: string;
                    designation?: string;
                    /** Format: date */
                    dateOfJoining?: string;
                    salary?: number | string;
                    pan?: string;
                    /** @enum {string} */
                    status?: "active" | "on_leave" | "terminated";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Employee"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEmployee: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Employee"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteEmployee: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateEmployee: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    employeeCode?: string;
                    firstName?: string;
                    lastName?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    userId?: string | null;
                    departmentId?: string | null;
                    designation?: string | null;
                    dateOfJoining?: string | null;
                    salary?: number | string | null;
                    pan?: string | null;
                    status?: ("active" | "on_leave" | "terminated") | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Employee"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAttendance: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                employeeId?: string;
                date?: string;
                status?: "present" | "absent" | "half_day" | "leave" | "holiday";
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Attendance"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAttendance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    employeeId: string;
                    /** Format: date */
                    date: string;
                    /** Format: date-time */
                    checkIn?: string;
                    /** Format: date-time */
                    checkOut?: string;
                    /** @enum {string} */
                    status?: "present" | "absent" | "half_day" | "leave" | "holiday";
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Attendance"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAttendance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Attendance"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteAttendance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateAttendance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    employeeId?: string;
                    /** Format: date */
                    date?: string;
                    checkIn?: string | null;
                    checkOut?: string | null;
                    status?: ("present" | "absent" | "half_day" | "leave" | "holiday") | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Attendance"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listLeaveRequests: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                employeeId?: string;
                status?: "pending" | "approved" | "rejected" | "cancelled";
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LeaveRequest"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createLeaveRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    employeeId: string;
                    /** @enum {string} */
                    leaveType: "casual" | "sick" | "earned" | "unpaid" | "maternity" | "paternity";
                    /** Format: date */
                    startDate: string;
                    /** Format: date */
                    endDate: string;
                    isHalfDay?: boolean;
                    reason?: string;
                    /** @enum {string} */
                    status?: "pending" | "approved" | "rejected" | "cancelled";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LeaveRequest"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLeaveRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LeaveRequest"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteLeaveRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateLeaveRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    employeeId?: string;
                    /** @enum {string} */
                    leaveType?: "casual" | "sick" | "earned" | "unpaid" | "maternity" | "paternity";
                    /** Format: date */
                    startDate?: string;
                    /** Format: date */
                    endDate?: string;
                    isHalfDay?: boolean | null;
                    reason?: string | null;
                    status?: ("pending" | "approved" | "rejected" | "cancelled") | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LeaveRequest"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInventoryItems: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                warehouseId?: string;
                supplierId?: string;
                isActive?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InventoryItem"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createInventoryItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sku: string;
                    name: string;
                    description?: string;
                    hsnSac?: string;
                    unit?: string;
                    unitPrice?: number | string;
                    gstRate?: number | string;
                    reorderLevel?: number | string;
                    /** Format: uuid */
                    warehouseId?: string;
                    /** Format: uuid */
                    supplierId?: string;
                    isActive?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InventoryItem"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInventoryItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InventoryItem"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteInventoryItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateInventoryItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sku?: string;
                    name?: string;
                    description?: string | null;
                    hsnSac?: string | null;
                    unit?: string | null;
                    unitPrice?: number | string | null;
                    gstRate?: number | string | null;
                    reorderLevel?: number | string | null;
                    warehouseId?: string | null;
                    supplierId?: string | null;
                    isActive?: boolean | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InventoryItem"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWarehouses: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                isActive?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Warehouse"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWarehouse: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    code?: string;
                    address?: string;
                    city?: string;
                    state?: string;
                    stateCode?: string;
                    pincode?: string;
                    isActive?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Warehouse"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWarehouse: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Warehouse"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWarehouse: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWarehouse: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    code?: string | null;
                    address?: string | null;
                    city?: string | null;
                    state?: string | null;
                    stateCode?: string | null;
                    pincode?: string | null;
                    isActive?: boolean | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Warehouse"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSuppliers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                isActive?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Supplier"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    contactPerson?: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    gstin?: string;
                    pan?: string;
                    address?: string;
                    city?: string;
                    state?: string;
                    stateCode?: string;
                    pincode?: string;
                    paymentTermsDays?: number;
                    notes?: string;
                    isActive?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Supplier"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Supplier"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    contactPerson?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    gstin?: string | null;
                    pan?: string | null;
                    address?: string | null;
                    city?: string | null;
                    state?: string | null;
                    stateCode?: string | null;
                    pincode?: string | null;
                    paymentTermsDays?: number | null;
                    notes?: string | null;
                    isActive?: boolean | null;
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Supplier"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPurchaseOrders: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "draft" | "submitted" | "approved" | "received" | "cancelled";
                supplierId?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PurchaseOrderSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPurchaseOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    poNumber?: string;
                    /** Format: uuid */
                    supplierId: string;
                    /** Format: uuid */
                    warehouseId?: string;
                    /** Format: uuid */
                    projectId?: string;
                    /** @enum {string} */
                    status?: "draft" | "submitted" | "approved" | "received" | "cancelled";
                    /** Format: date */
                    orderDate?: string;
                    /** Format: date */
                    expectedDate?: string;
                    placeOfSupply?: string;
                    notes?: string;
                    items: {
                        description: string;
                        hsnSac?: string;
                        unit?: string;
                        quantity: number | string;
                        unitPrice: number | string;
                        gstRate?: number | string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PurchaseOrder"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPurchaseOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PurchaseOrder"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePurchaseOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePurchaseOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    poNumber?: string | null;
                    /** Format: uuid */
                    supplierId?: string;
                    warehouseId?: string | null;
                    projectId?: string | null;
                    status?: ("draft" | "submitted" | "approved" | "received" | "cancelled") | null;
                    orderDate?: string | null;
                    expectedDate?: string | null;
                    placeOfSupply?: string | null;
                    notes?: string | null;
                    items?: {
                        description: string;
                        hsnSac?: string;
                        unit?: string;
                        quantity: number | string;
                        unitPrice: number | string;
                        gstRate?: number | string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The changed row */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PurchaseOrder"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCreditNotes: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                clientId?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreditNote"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCreditNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    issueDate?: string;
                    reason: string;
                    invoices: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount?: number | string;
                    }[];
                    items: {
                        description: string;
                        hsnSac?: string;
                        unit?: string;
                        quantity: number | string;
                        unitPrice: number | string;
                        gstRate?: number | string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Issued */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreditNote"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCreditNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The note */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreditNote"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelCreditNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    status: "cancelled";
                    cancellationReason: string;
                };
            };
        };
        responses: {
            /** @description The cancelled note */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreditNote"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDebitNotes: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                clientId?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DebitNote"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDebitNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    issueDate?: string;
                    reason: string;
                    invoices: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount?: number | string;
                    }[];
                    items: {
                        description: string;
                        hsnSac?: string;
                        unit?: string;
                        quantity: number | string;
                        unitPrice: number | string;
                        gstRate?: number | string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Issued */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DebitNote"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDebitNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The note */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DebitNote"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelDebitNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    status: "cancelled";
                    cancellationReason: string;
                };
            };
        };
        responses: {
            /** @description The cancelled note */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DebitNote"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPayments: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                clientId?: string;
            };
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; nextCursor is null on the last */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Payment"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    clientId: string;
                    /** Format: date */
                    paymentDate?: string;
                    amount: number | string;
                    /** @enum {string} */
                    tdsSection?: "194J" | "194C";
                    /** @enum {string} */
                    tdsRate?: "1" | "2" | "10";
                    tdsAmount?: number | string;
                    /** @enum {string} */
                    paymentMethod?: "cash" | "cheque" | "bank_transfer" | "neft" | "rtgs" | "imps" | "upi" | "card" | "other";
                    referenceNumber?: string;
                    notes?: string;
                    allocations: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount: number | string;
                        tdsAmount?: number | string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Payment"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Payment"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInvoiceEInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Must equal the token's agencyDatabase (else 403 agency_mismatch). */
                "X-Agency-Database"?: components["parameters"]["agencyDatabase"];
                /** @description A write's token sent back: a read then sees that write (read-your-writes through any API instance). One we did not issue is 400. */
                "X-Consistency-Token"?: components["parameters"]["consistencyToken"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The INV-01 JSON */
            200: {
                headers: {
                    "X-Consistency-Token": components["headers"]["consistencyToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["EInvoice"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description agency_unavailable */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listGstRates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every rate, by validity */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["GstRate"][];
                    };
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createGstRate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rate: number | string;
                    /** Format: date */
                    validFrom: string;
                    /** Format: date */
                    validTo?: string;
                    description: string;
                    notification?: string;
                };
            };
        };
        responses: {
            /** @description The rate */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["GstRate"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeGstRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    validTo: string | null;
                };
            };
        };
        responses: {
            /** @description The rate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["GstRate"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    loginOperator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description A platform token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            fullName: string;
                            /** @enum {string} */
                            role: "owner" | "operator" | "viewer";
                        };
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAgencies: {
        parameters: {
            query?: {
                status?: "provisioning" | "active" | "suspended" | "archiving" | "archived" | "cooling" | "cold" | "waking" | "deleted" | "failed";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of agencies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdminAgency"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agency */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdminAgency"];
                        events: {
                            event: string;
                            fromStatus: string | null;
                            toStatus: string | null;
                            actor: string;
                            details: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    suspendAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description The agency in its new status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agency"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description The agency in its new status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agency"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    archiveAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description The agency in its new status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agency"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    restoreAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    force?: boolean;
                    /** Format: date-time */
                    targetTime?: string;
                    /** @constant */
                    undo?: true;
                };
            };
        };
        responses: {
            /** @description The agency, and for a live one what the restore did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            domain: string | null;
                            databaseName: string;
                            subscriptionPlan: string;
                            /** @enum {string} */
                            status: "provisioning" | "active" | "suspended" | "archiving" | "archived" | "cooling" | "cold" | "waking" | "deleted" | "failed";
                            cluster: string;
                            /** Format: date-time */
                            createdAt: string;
                            restore?: {
                                database: string;
                                previous: string;
                                previousArchive: string | null;
                                freezeMs: number;
                                /** Format: date-time */
                                targetTime?: string;
                                timings?: {
                                    [key: string]: number;
                                };
                            };
                        };
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description The agency in its new status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agency"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    coldAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agency in its new status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agency"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    wakeAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agency in its new status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agency"];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every plan, cheapest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            code: string;
                            name: string;
                            maxUsers: number;
                            maxProjects: number;
                            storageMb: number;
                            isActive: boolean;
                            selfService: boolean;
                            coldAfterSeconds: number | null;
                            coldWarningSeconds: number;
                            deleteAfterSeconds: number | null;
                        }[];
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePlanColdPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    coldAfterSeconds?: number | null;
                    coldWarningSeconds?: number;
                    deleteAfterSeconds?: number | null;
                };
            };
        };
        responses: {
            /** @description The plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            code: string;
                            name: string;
                            maxUsers: number;
                            maxProjects: number;
                            storageMb: number;
                            isActive: boolean;
                            selfService: boolean;
                            coldAfterSeconds: number | null;
                            coldWarningSeconds: number;
                            deleteAfterSeconds: number | null;
                        };
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    moveAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    to: string;
                };
            };
        };
        responses: {
            /** @description The agency on its new cluster, with the move's timings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            domain: string | null;
                            databaseName: string;
                            subscriptionPlan: string;
                            /** @enum {string} */
                            status: "provisioning" | "active" | "suspended" | "archiving" | "archived" | "cooling" | "cold" | "waking" | "deleted" | "failed";
                            cluster: string;
                            /** Format: date-time */
                            createdAt: string;
                            move: {
                                move: number;
                                from: string;
                                to: string;
                                timings: {
                                    [key: string]: number;
                                };
                                verification: {
                                    verified: boolean | null;
                                    tables?: number;
                                    rows?: number;
                                    differing?: string[];
                                    reason?: string;
                                };
                            };
                        };
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeAgencyPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    plan: string;
                };
            };
        };
        responses: {
            /** @description The agency on its new plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            domain: string | null;
                            databaseName: string;
                            subscriptionPlan: string;
                            /** @enum {string} */
                            status: "provisioning" | "active" | "suspended" | "archiving" | "archived" | "cooling" | "cold" | "waking" | "deleted" | "failed";
                            cluster: string;
                            /** Format: date-time */
                            createdAt: string;
                            previousPlan: string;
                        };
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statistics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agencies: {
                            byStatus: {
                                status: string;
                                agencies: number;
                            }[];
                            bySchemaVersion: {
                                schemaVersion: string;
                                agencies: number;
                                failed: number;
                            }[];
                            byCluster: {
                                cluster: string;
                                region: string;
                                state: string;
                                maxAgencies: number;
                                agencies: number;
                            }[];
                        };
                        cold: {
                            cold: number;
                            cooling: number;
                            waking: number;
                            warned: number;
                            dumpBytes: number;
                            outboxPending: number;
                            outboxGivenUp: number;
                        };
                        databases: {
                            count: number;
                            totalBytes: number;
                            largest: {
                                cluster: string;
                                database: string;
                                bytes: number;
                            }[];
                        };
                        connections: {
                            cluster: string;
                            database: string;
                            role: string | null;
                            connections: number;
                        }[];
                        pooler?: {
                            pools: number;
                            serverConnections: {
                                [key: string]: number;
                            };
                            clients: {
                                [key: string]: number;
                            };
                        };
                        clusters: {
                            cluster: string;
                            databases?: {
                                count: number;
                                totalBytes: number;
                                largest: {
                                    cluster: string;
                                    database: string;
                                    bytes: number;
                                }[];
                            };
                            connections?: {
                                cluster: string;
                                database: string;
                                role: string | null;
                                connections: number;
                            }[];
                            replicas?: {
                                replica: string;
                                state: string;
                                lagSeconds: number;
                                lagBytes: number;
                            }[];
                            pooler?: {
                                pools: number;
                                serverConnections: {
                                    [key: string]: number;
                                };
                                clients: {
                                    [key: string]: number;
                                };
                                busiestPools: {
                                    [key: string]: unknown;
                                }[];
                                totals: {
                                    [key: string]: number;
                                };
                            };
                            backups?: {
                                lastFullAt: string | null;
                                lastDiffAt: string | null;
                                lastVerifiedAt: string | null;
                                recoverableFrom: string | null;
                                failing: {
                                    kind: string;
                                    /** Format: date-time */
                                    at: string;
                                    error: string;
                                }[];
                                archive?: {
                                    lastArchivedAt: string | null;
                                    failedCount: number;
                                    lastFailedAt: string | null;
                                    waitingSegments: number;
                                    lagSeconds: number;
                                };
                                error?: string;
                            };
                            error?: string;
                        }[];
                        api: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unauthorized, invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description forbidden, agency_mismatch, plan_limit_reached, plan_not_available */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unavailable, agency_waking (a cold agency being restored), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
