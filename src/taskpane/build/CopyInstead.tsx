import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  makeStyles,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { BuildState } from "./buildState";

const useStyles = makeStyles({
  text: { width: "100%", fontFamily: "monospace" },
  actions: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap", marginTop: "4px" },
});

/**
 * An export the host could not save (Excel for Mac): says so — never "Downloaded" — and offers the other way:
 * the JSON text to copy, or for the .xlsx, building the model into this workbook and saving a copy of it.
 */
export function CopyInstead({ copy }: { readonly copy: NonNullable<BuildState["copyInstead"]> }) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => box.current?.scrollIntoView?.({ block: "nearest" }), [copy]);
  const text = copy.text;
  const copyText = async (): Promise<void> => {
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div ref={box}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{`${copy.fileName} was not saved`}</MessageBarTitle>
          {text === null
            ? `${copy.reason}. Use Build model to write the model into this workbook, then save a copy of the workbook (File → Save As): it computes without the add-in.`
            : `${copy.reason}. Copy the text below into a file named ${copy.fileName}.`}
        </MessageBarBody>
      </MessageBar>
      {text === null ? null : (
        <>
          <Textarea
            className={styles.text}
            aria-label={`${copy.fileName} content to copy`}
            readOnly
            resize="vertical"
            value={text}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className={styles.actions}>
            <Button onClick={() => void copyText()}>Copy to clipboard</Button>
            <span role="status">
              {copied === "copied"
                ? "Copied"
                : copied === "failed"
                  ? "The clipboard is not available here: select the text and press Ctrl+C (⌘C)"
                  : ""}
            </span>
          </div>
        </>
      )}
    </div>
  );
}
