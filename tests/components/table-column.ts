/**
 * The texts of one column of an element's hidden data table, found by its
 * header: columns are added over time (#12 put interval and verdict columns
 * after the churn rate), so a test that reads "the last column" breaks.
 */
export function tableColumn(element: Element, header: string): string[] {
  const table = element.shadowRoot!.querySelector('table');
  if (!table) throw new Error(`<${element.localName}> has no data table`);
  const index = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent!.trim() === header);
  if (index < 0) throw new Error(`<${element.localName}>'s table has no column "${header}"`);
  return [...table.querySelectorAll('tbody tr')].map((tr) => tr.children[index].textContent!.trim());
}
