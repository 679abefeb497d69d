/** The inspector page's three files as the server serves them. */
export function buildPage(): { html: string; script: string; style: string }
