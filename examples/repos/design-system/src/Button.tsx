import { ButtonHTMLAttributes } from 'react';
import { tokens } from './tokens';

export function Button(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      {...props}
      style={{ background: tokens.color.brand, borderRadius: tokens.radius }}
    />
  );
}
