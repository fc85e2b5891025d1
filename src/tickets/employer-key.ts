/** "深圳市某某餐饮管理有限公司 " and "深圳某某餐饮管理公司" are the same employer for duplicate checks. */
export function employerKey(name: string | null | undefined): string {
  return (name ?? '')
    .replace(/[\s（）()·.,，。]/g, '')
    .replace(/有限责任公司|股份有限公司|有限公司|公司$/g, '')
    .toLowerCase();
}
