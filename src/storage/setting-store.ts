/** Small stored values: cursors and one-time markers. */
export interface SettingStore {
  /** A stored setting (cursors, one-time markers); undefined if never set. */
  settingGet(key: string): Promise<string | undefined>;
  settingPut(key: string, value: string): Promise<void>;
  /** Inserts the setting unless it exists; true if this call inserted it. */
  settingInsert(key: string, value: string): Promise<boolean>;
  settingDelete(key: string): Promise<void>;
}
