import { Button } from '@mui/material';
import { useRef } from 'react';

/**
 * A keyboard-operable file picker: a real button (Tab, Enter or Space) that opens the browser's
 * file chooser of a hidden input.
 */
export function FileButton({
  label,
  accept,
  disabled,
  onFile,
  variant = 'contained',
}: {
  label: string;
  accept: string;
  disabled?: boolean;
  onFile: (file: File) => void;
  variant?: 'contained' | 'outlined';
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant={variant} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        aria-hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
