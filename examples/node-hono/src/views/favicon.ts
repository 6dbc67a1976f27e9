/** The back office's icon: a receipt in the back office's blue. */
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4ed8"/><path d="M9 6h14v20l-3.5-2-3.5 2-3.5-2L9 26z" fill="#fff"/><path d="M12 11h8M12 15h8M12 19h5" stroke="#1d4ed8" stroke-width="2" stroke-linecap="round"/></svg>`;
