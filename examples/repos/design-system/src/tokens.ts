export const tokens = {
  color: { brand: '#d4002a', text: '#1b1b1b' },
  radius: '4px',
} as const;
