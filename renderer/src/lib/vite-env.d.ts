// Vite's `?url` imports (the pdf.js worker is loaded from our own origin).
declare module '*?url' {
  const url: string;
  export default url;
}
