// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;
